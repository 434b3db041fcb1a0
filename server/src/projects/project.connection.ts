import { Connection } from '../common/relay/connection.js';
import { Project } from './project.entity.js';

export const ProjectConnection = Connection(Project, 'Project');

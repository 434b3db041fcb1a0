import { Connection } from '../common/relay/connection.js';
import { ProjectPartner } from './project-partner.entity.js';

export const ProjectPartnerConnection = Connection(ProjectPartner, 'ProjectPartner');

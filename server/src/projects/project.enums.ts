import { registerEnumType } from 'type-graphql';

/** Life cycle of a partner project; `PROJECT_TRANSITIONS` says which moves are allowed. */
export enum ProjectStatus {
  DRAFT = 'DRAFT',
  RECRUITING = 'RECRUITING',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** What a project is about, for filtering and statistics. */
export enum ProjectCategory {
  ELDERLY_CARE = 'ELDERLY_CARE',
  EMPLOYMENT = 'EMPLOYMENT',
  ENVIRONMENT = 'ENVIRONMENT',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  INDUSTRY = 'INDUSTRY',
  CULTURE = 'CULTURE',
  SAFETY = 'SAFETY',
  DISPUTE_PREVENTION = 'DISPUTE_PREVENTION',
  OTHER = 'OTHER',
}

export enum ProjectOrderField {
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
  START_DATE = 'START_DATE',
}

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Status of a partner project',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; visible only to the members of the lead and of invited or accepted partners' },
    RECRUITING: { description: 'Public; looking for partners and pledges' },
    ACTIVE: { description: 'Under way; pledges are still welcome' },
    COMPLETED: { description: 'Finished' },
    CANCELLED: { description: 'Stopped before completion; open pledges were cancelled' },
  },
});
registerEnumType(ProjectCategory, { name: 'ProjectCategory', description: 'Field of work of a partner project' });
registerEnumType(ProjectOrderField, {
  name: 'ProjectOrderField',
  description: 'Field to order projects by',
  valuesConfig: {
    CREATED_AT: { description: 'When the project was created' },
    TITLE: { description: 'Title of the project' },
    START_DATE: { description: 'Planned start date of the project' },
  },
});

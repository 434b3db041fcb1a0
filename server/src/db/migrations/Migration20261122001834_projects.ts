import { Migration } from '@mikro-orm/migrations';

export class Migration20261122001834_projects extends Migration {
  override name = 'Migration20261122001834_projects';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "project_category" as enum ('ELDERLY_CARE', 'EMPLOYMENT', 'ENVIRONMENT', 'INFRASTRUCTURE', 'INDUSTRY', 'CULTURE', 'SAFETY', 'DISPUTE_PREVENTION', 'OTHER');`,
    );
    this.addSql(`create type "project_status" as enum ('DRAFT', 'RECRUITING', 'ACTIVE', 'COMPLETED', 'CANCELLED');`);
    this.addSql(`create type "project_partner_role" as enum ('CORE', 'CO_LEAD', 'PARTNER', 'SUPPORTER');`);
    this.addSql(`create type "project_partner_status" as enum ('INVITED', 'APPLIED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');`);
    this.addSql(
      `create type "need_kind" as enum ('FUNDS', 'MATERIALS', 'VENUE', 'VOLUNTEER_HOURS', 'PROFESSIONAL_SERVICE', 'TECHNOLOGY', 'POLICY_ADVICE', 'LEGAL_AID', 'OTHER');`,
    );
    this.addSql(`create type "pledge_status" as enum ('PROPOSED', 'ACCEPTED', 'FULFILLED', 'DECLINED', 'WITHDRAWN', 'CANCELLED');`);
    this.addSql(`create type "deliverable_status" as enum ('PLANNED', 'IN_PROGRESS', 'SUBMITTED', 'ACCEPTED');`);

    this.addSql(
      `create table "project" ("id" uuid not null, "created_at" timestamptz not null, "title" varchar(100) not null, "summary" text not null, "category" "project_category" not null, "status" "project_status" not null default 'DRAFT', "status_reason" varchar(500) null, "start_date" date not null, "end_date" date null, "lead_organisation_id" uuid not null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "project_category_index" on "project" ("category");`);
    this.addSql(`create index "project_status_index" on "project" ("status");`);
    this.addSql(`create index "project_lead_organisation_id_index" on "project" ("lead_organisation_id");`);

    this.addSql(
      `create table "project_region" ("id" uuid not null, "created_at" timestamptz not null, "project_id" uuid not null, "region_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(`create index "project_region_region_id_index" on "project_region" ("region_id");`);
    this.addSql(
      `alter table "project_region" add constraint "project_region_project_id_region_id_unique" unique ("project_id", "region_id");`,
    );

    this.addSql(
      `create table "project_partner" ("id" uuid not null, "created_at" timestamptz not null, "project_id" uuid not null, "organisation_id" uuid not null, "role" "project_partner_role" not null, "status" "project_partner_status" not null, "message" varchar(1000) null, "response_note" varchar(1000) null, "responded_at" timestamptz null, "created_by_id" uuid null, "responded_by_id" uuid null, "joined_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "project_partner_project_id_index" on "project_partner" ("project_id");`);
    this.addSql(`create index "project_partner_organisation_id_index" on "project_partner" ("organisation_id");`);
    this.addSql(
      `create unique index "project_partner_live_unique" on "project_partner" ("project_id", "organisation_id") where "status" in ('INVITED', 'APPLIED', 'ACCEPTED');`,
    );

    this.addSql(
      `create table "need" ("id" uuid not null, "created_at" timestamptz not null, "project_id" uuid not null, "kind" "need_kind" not null, "description" varchar(1000) not null, "quantity" numeric(18,2) not null, "unit" varchar(20) not null, "deadline" date null, "allow_oversubscription" boolean not null default false, "closed_at" timestamptz null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "need_project_id_index" on "need" ("project_id");`);
    this.addSql(`create index "need_kind_index" on "need" ("kind");`);

    this.addSql(
      `create table "pledge" ("id" uuid not null, "created_at" timestamptz not null, "need_id" uuid not null, "project_id" uuid not null, "organisation_id" uuid not null, "quantity" numeric(18,2) not null, "note" varchar(1000) null, "status" "pledge_status" not null default 'PROPOSED', "response_note" varchar(1000) null, "responded_at" timestamptz null, "fulfilled_at" timestamptz null, "created_by_id" uuid null, "responded_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "pledge_project_id_index" on "pledge" ("project_id");`);
    this.addSql(`create index "pledge_organisation_id_index" on "pledge" ("organisation_id");`);
    this.addSql(`create index "pledge_need_id_status_index" on "pledge" ("need_id", "status");`);

    this.addSql(
      `create table "delivery" ("id" uuid not null, "created_at" timestamptz not null, "pledge_id" uuid not null, "quantity" numeric(18,2) not null, "delivered_on" date not null, "note" varchar(1000) null, "evidence_urls" text[] not null, "recorded_by_id" uuid null, "confirmed_at" timestamptz null, "confirmed_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "delivery_pledge_id_index" on "delivery" ("pledge_id");`);

    this.addSql(
      `create table "deliverable" ("id" uuid not null, "created_at" timestamptz not null, "project_id" uuid not null, "title" varchar(100) not null, "description" varchar(2000) null, "due_on" date null, "status" "deliverable_status" not null default 'PLANNED', "status_reason" varchar(1000) null, "evidence_urls" text[] not null, "submitted_at" timestamptz null, "accepted_at" timestamptz null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "deliverable_project_id_index" on "deliverable" ("project_id");`);

    this.addSql(
      `create table "deliverable_pledge" ("id" uuid not null, "created_at" timestamptz not null, "deliverable_id" uuid not null, "pledge_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(`create index "deliverable_pledge_pledge_id_index" on "deliverable_pledge" ("pledge_id");`);
    this.addSql(
      `alter table "deliverable_pledge" add constraint "deliverable_pledge_deliverable_id_pledge_id_unique" unique ("deliverable_id", "pledge_id");`,
    );

    this.addSql(
      `create table "deliverable_owner" ("id" uuid not null, "created_at" timestamptz not null, "deliverable_id" uuid not null, "organisation_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(`create index "deliverable_owner_organisation_id_index" on "deliverable_owner" ("organisation_id");`);
    this.addSql(
      `alter table "deliverable_owner" add constraint "deliverable_owner_deliverable_id_organisation_id_unique" unique ("deliverable_id", "organisation_id");`,
    );

    this.addSql(
      `alter table "project" add constraint "project_lead_organisation_id_foreign" foreign key ("lead_organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "project" add constraint "project_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "project" add constraint "project_dates_ordered" check (end_date is null or end_date >= start_date);`);

    this.addSql(
      `alter table "project_region" add constraint "project_region_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "project_region" add constraint "project_region_region_id_foreign" foreign key ("region_id") references "region" ("id");`,
    );

    this.addSql(
      `alter table "project_partner" add constraint "project_partner_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "project_partner" add constraint "project_partner_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "project_partner" add constraint "project_partner_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "project_partner" add constraint "project_partner_responded_by_id_foreign" foreign key ("responded_by_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "need" add constraint "need_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "need" add constraint "need_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "need" add constraint "need_quantity_positive" check (quantity > 0);`);

    this.addSql(
      `alter table "pledge" add constraint "pledge_need_id_foreign" foreign key ("need_id") references "need" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "pledge" add constraint "pledge_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "pledge" add constraint "pledge_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "pledge" add constraint "pledge_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "pledge" add constraint "pledge_responded_by_id_foreign" foreign key ("responded_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "pledge" add constraint "pledge_quantity_positive" check (quantity > 0);`);

    this.addSql(
      `alter table "delivery" add constraint "delivery_pledge_id_foreign" foreign key ("pledge_id") references "pledge" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_confirmed_by_id_foreign" foreign key ("confirmed_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "delivery" add constraint "delivery_quantity_positive" check (quantity > 0);`);

    this.addSql(
      `alter table "deliverable" add constraint "deliverable_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "deliverable" add constraint "deliverable_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "deliverable_pledge" add constraint "deliverable_pledge_deliverable_id_foreign" foreign key ("deliverable_id") references "deliverable" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "deliverable_pledge" add constraint "deliverable_pledge_pledge_id_foreign" foreign key ("pledge_id") references "pledge" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "deliverable_owner" add constraint "deliverable_owner_deliverable_id_foreign" foreign key ("deliverable_id") references "deliverable" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "deliverable_owner" add constraint "deliverable_owner_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "project_region" drop constraint "project_region_project_id_foreign";`);
    this.addSql(`alter table "project_partner" drop constraint "project_partner_project_id_foreign";`);
    this.addSql(`alter table "need" drop constraint "need_project_id_foreign";`);
    this.addSql(`alter table "pledge" drop constraint "pledge_project_id_foreign";`);
    this.addSql(`alter table "deliverable" drop constraint "deliverable_project_id_foreign";`);
    this.addSql(`alter table "pledge" drop constraint "pledge_need_id_foreign";`);
    this.addSql(`alter table "delivery" drop constraint "delivery_pledge_id_foreign";`);
    this.addSql(`alter table "deliverable_pledge" drop constraint "deliverable_pledge_pledge_id_foreign";`);
    this.addSql(`alter table "deliverable_pledge" drop constraint "deliverable_pledge_deliverable_id_foreign";`);
    this.addSql(`alter table "deliverable_owner" drop constraint "deliverable_owner_deliverable_id_foreign";`);

    this.addSql(`drop table if exists "project" cascade;`);
    this.addSql(`drop table if exists "project_region" cascade;`);
    this.addSql(`drop table if exists "project_partner" cascade;`);
    this.addSql(`drop table if exists "need" cascade;`);
    this.addSql(`drop table if exists "pledge" cascade;`);
    this.addSql(`drop table if exists "delivery" cascade;`);
    this.addSql(`drop table if exists "deliverable" cascade;`);
    this.addSql(`drop table if exists "deliverable_pledge" cascade;`);
    this.addSql(`drop table if exists "deliverable_owner" cascade;`);

    this.addSql(`drop type "project_category";`);
    this.addSql(`drop type "project_status";`);
    this.addSql(`drop type "project_partner_role";`);
    this.addSql(`drop type "project_partner_status";`);
    this.addSql(`drop type "need_kind";`);
    this.addSql(`drop type "pledge_status";`);
    this.addSql(`drop type "deliverable_status";`);
  }
}

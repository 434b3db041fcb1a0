import { Migration } from '@mikro-orm/migrations';

export class Migration20261122002157_demands extends Migration {
  override name = 'Migration20261122002157_demands';

  override up(): void | Promise<void> {
    this.addSql(
      `create type "demand_category" as enum ('ELDERLY_CARE', 'CHILDCARE', 'EMPLOYMENT', 'ENVIRONMENT_SANITATION', 'ROADS_FACILITIES', 'SAFETY', 'NEIGHBOUR_DISPUTE', 'LEGAL_HELP', 'HEALTH', 'CULTURE', 'OTHER');`,
    );
    this.addSql(`create type "demand_channel" as enum ('ONLINE', 'IN_PERSON', 'PHONE');`);
    this.addSql(`create type "demand_contact_preference" as enum ('PHONE_CALL', 'SMS', 'HOME_VISIT', 'ONLINE_ONLY');`);
    this.addSql(
      `create type "demand_status" as enum ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'RESOLVED', 'RATED', 'CLOSED_UNRATED', 'REJECTED', 'MERGED', 'CONVERTED_TO_NEED');`,
    );
    this.addSql(`create type "demand_rating" as enum ('SATISFIED', 'PARTLY', 'UNSATISFIED');`);
    this.addSql(
      `create type "demand_event_action" as enum ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'DECLINED', 'ACTION_RECORDED', 'RESOLVED', 'RATED', 'REOPENED', 'CLOSED_UNRATED', 'REJECTED', 'MERGED', 'DUPLICATE_MERGED', 'CONVERTED_TO_NEED', 'ESCALATED');`,
    );
    this.addSql(
      `create type "service_offering_kind" as enum ('POLICY_ADVICE', 'LEGAL_AID', 'TECHNICAL_GUIDANCE', 'HEALTH', 'CULTURE', 'CARE_SERVICE', 'REPAIR_MAINTENANCE', 'VOLUNTEER_SERVICE', 'OTHER');`,
    );
    this.addSql(
      `create table "demand_category_policy" ("category" "demand_category" not null, "response_hours" int not null, "resolution_hours" int not null, primary key ("category"));`,
    );

    this.addSql(
      `create table "demand_ticket" ("id" uuid not null, "created_at" timestamptz not null, "resident_id" uuid not null, "submitted_by_id" uuid not null, "channel" "demand_channel" not null, "grid_id" uuid not null, "category" "demand_category" not null, "description" text not null, "place" varchar(200) null, "contact_name" varchar(100) not null, "contact_phone" varchar(20) null, "contact_address" varchar(200) null, "contact_preference" "demand_contact_preference" not null, "evidence_urls" text[] not null, "status" "demand_status" not null default 'SUBMITTED', "round" int not null default 1, "assigned_organisation_id" uuid null, "dispatcher_id" uuid null, "owner_organisation_id" uuid null, "response_due_at" timestamptz not null, "resolution_due_at" timestamptz not null, "due_at" timestamptz null, "dispatched_at" timestamptz null, "responded_at" timestamptz null, "accepted_at" timestamptz null, "resolved_at" timestamptz null, "resolution_note" text null, "resolution_evidence_urls" text[] not null, "rating" "demand_rating" null, "rating_comment" varchar(500) null, "rated_at" timestamptz null, "reopened_count" int not null default 0, "rejection_reason" varchar(500) null, "closed_at" timestamptz null, "escalated_at" timestamptz null, "escalated_to_id" uuid null, "merged_into_id" uuid null, "converted_need_uuid" uuid null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "demand_ticket_resident_id_index" on "demand_ticket" ("resident_id");`);
    this.addSql(`create index "demand_ticket_grid_id_index" on "demand_ticket" ("grid_id");`);
    this.addSql(`create index "demand_ticket_category_index" on "demand_ticket" ("category");`);
    this.addSql(`create index "demand_ticket_status_index" on "demand_ticket" ("status");`);
    this.addSql(`create index "demand_ticket_assigned_organisation_id_index" on "demand_ticket" ("assigned_organisation_id");`);
    this.addSql(`create index "demand_ticket_owner_organisation_id_index" on "demand_ticket" ("owner_organisation_id");`);
    this.addSql(`create index "demand_ticket_rating_window_index" on "demand_ticket" ("resolved_at") where "status" = 'RESOLVED';`);
    this.addSql(`create index "demand_ticket_due_at_index" on "demand_ticket" ("due_at") where "due_at" is not null;`);
    this.addSql(`create index "demand_ticket_created_at_index" on "demand_ticket" ("created_at");`);

    this.addSql(
      `create table "demand_event" ("id" uuid not null, "created_at" timestamptz not null, "ticket_id" uuid not null, "actor_id" uuid null, "organisation_id" uuid null, "action" "demand_event_action" not null, "status" "demand_status" not null, "round" int not null, "note" text null, "rating" "demand_rating" null, "evidence_urls" text[] not null, primary key ("id"));`,
    );
    this.addSql(`create index "demand_event_ticket_id_created_at_index" on "demand_event" ("ticket_id", "created_at");`);

    this.addSql(
      `create table "service_offering" ("id" uuid not null, "created_at" timestamptz not null, "organisation_id" uuid not null, "person_id" uuid null, "title" varchar(100) not null, "description" text null, "category" "demand_category" not null, "kind" "service_offering_kind" not null, "active" boolean not null default true, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "service_offering_organisation_id_index" on "service_offering" ("organisation_id");`);
    this.addSql(`create index "service_offering_category_index" on "service_offering" ("category");`);

    this.addSql(
      `create table "service_offering_region" ("id" uuid not null, "created_at" timestamptz not null, "offering_id" uuid not null, "region_id" uuid not null, primary key ("id"));`,
    );
    this.addSql(`create index "service_offering_region_region_id_index" on "service_offering_region" ("region_id");`);
    this.addSql(
      `alter table "service_offering_region" add constraint "service_offering_region_offering_id_region_id_unique" unique ("offering_id", "region_id");`,
    );

    this.addSql(
      `alter table "demand_category_policy" add constraint "demand_category_policy_hours_positive" check (response_hours > 0 and resolution_hours >= response_hours);`,
    );

    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_resident_id_foreign" foreign key ("resident_id") references "person" ("id");`,
    );
    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_submitted_by_id_foreign" foreign key ("submitted_by_id") references "person" ("id");`,
    );
    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_grid_id_foreign" foreign key ("grid_id") references "region" ("id");`,
    );
    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_assigned_organisation_id_foreign" foreign key ("assigned_organisation_id") references "organisation" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_dispatcher_id_foreign" foreign key ("dispatcher_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_owner_organisation_id_foreign" foreign key ("owner_organisation_id") references "organisation" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_escalated_to_id_foreign" foreign key ("escalated_to_id") references "region" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "demand_ticket" add constraint "demand_ticket_merged_into_id_foreign" foreign key ("merged_into_id") references "demand_ticket" ("id") on delete set null;`,
    );
    this.addSql(`alter table "demand_ticket" add constraint "demand_ticket_round_positive" check (round >= 1 and reopened_count >= 0);`);

    this.addSql(
      `alter table "demand_event" add constraint "demand_event_ticket_id_foreign" foreign key ("ticket_id") references "demand_ticket" ("id");`,
    );
    this.addSql(
      `alter table "demand_event" add constraint "demand_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "demand_event" add constraint "demand_event_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "service_offering" add constraint "service_offering_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "service_offering" add constraint "service_offering_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "service_offering_region" add constraint "service_offering_region_offering_id_foreign" foreign key ("offering_id") references "service_offering" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "service_offering_region" add constraint "service_offering_region_region_id_foreign" foreign key ("region_id") references "region" ("id");`,
    );

    // Time limits per category (接诉即办): 24 hours to dispatch and accept, 7 days to resolve, until an
    // administrator sets others. Tickets copy their deadlines at submission.
    this.addSql(
      `insert into "demand_category_policy" ("category", "response_hours", "resolution_hours")
       select "category", 24, 168 from unnest(enum_range(null::"demand_category")) as "category";`,
    );

    // A ticket's timeline is append-only: what the resident was told stays what they were told.
    this.addSql(
      `create function "demand_event_append_only"() returns trigger language plpgsql as $$ begin raise exception 'demand_event is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger "demand_event_no_update" before update or delete on "demand_event" for each statement execute function "demand_event_append_only"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "demand_event_no_update" on "demand_event";`);
    this.addSql(`drop function if exists "demand_event_append_only"();`);
    this.addSql(`alter table "demand_ticket" drop constraint "demand_ticket_merged_into_id_foreign";`);
    this.addSql(`alter table "demand_event" drop constraint "demand_event_ticket_id_foreign";`);
    this.addSql(`alter table "service_offering_region" drop constraint "service_offering_region_offering_id_foreign";`);

    this.addSql(`drop table if exists "demand_category_policy" cascade;`);
    this.addSql(`drop table if exists "demand_ticket" cascade;`);
    this.addSql(`drop table if exists "demand_event" cascade;`);
    this.addSql(`drop table if exists "service_offering" cascade;`);
    this.addSql(`drop table if exists "service_offering_region" cascade;`);

    this.addSql(`drop type "demand_category";`);
    this.addSql(`drop type "demand_channel";`);
    this.addSql(`drop type "demand_contact_preference";`);
    this.addSql(`drop type "demand_status";`);
    this.addSql(`drop type "demand_rating";`);
    this.addSql(`drop type "demand_event_action";`);
    this.addSql(`drop type "service_offering_kind";`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261122003805_volunteering extends Migration {
  override name = 'Migration20261122003805_volunteering';

  override up(): void | Promise<void> {
    this.addSql(`create type "commitment_visibility" as enum ('PUBLIC', 'INTERNAL');`);
    this.addSql(
      `create type "shift_sign_up_status" as enum ('CONFIRMED', 'WAITLISTED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW', 'COMPLETED');`,
    );
    this.addSql(`create type "service_hours_kind" as enum ('CREDIT', 'CORRECTION');`);
    this.addSql(
      `create table "commitment" ("id" uuid not null, "created_at" timestamptz not null, "organisation_id" uuid not null, "person_id" uuid null, "title" varchar(100) not null, "description" text not null, "beneficiary" varchar(200) not null, "due_on" date not null, "project_id" uuid null, "need_id" uuid null, "visibility" "commitment_visibility" not null default 'PUBLIC', "fulfilled_at" timestamptz null, "fulfilled_by_id" uuid null, "fulfilment_note" varchar(1000) null, "created_by_id" uuid null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "commitment_organisation_id_index" on "commitment" ("organisation_id");`);
    this.addSql(`create index "commitment_person_id_index" on "commitment" ("person_id");`);
    this.addSql(`create index "commitment_due_on_index" on "commitment" ("due_on");`);

    this.addSql(
      `create table "commitment_progress" ("id" uuid not null, "created_at" timestamptz not null, "commitment_id" uuid not null, "note" varchar(1000) not null, "evidence_urls" text[] not null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "commitment_progress_commitment_id_index" on "commitment_progress" ("commitment_id");`);

    this.addSql(
      `create table "commitment_evaluation" ("id" uuid not null, "created_at" timestamptz not null, "commitment_id" uuid not null, "person_id" uuid not null, "score" smallint not null, "comment" varchar(500) null, primary key ("id"));`,
    );
    this.addSql(`create index "commitment_evaluation_person_id_index" on "commitment_evaluation" ("person_id");`);
    this.addSql(
      `alter table "commitment_evaluation" add constraint "commitment_evaluation_commitment_id_person_id_unique" unique ("commitment_id", "person_id");`,
    );

    this.addSql(
      `create table "volunteer_activity" ("id" uuid not null, "created_at" timestamptz not null, "project_id" uuid not null, "organisation_id" uuid not null, "need_id" uuid null, "title" varchar(100) not null, "description" text not null, "place" varchar(200) not null, "region_id" uuid not null, "created_by_id" uuid null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "volunteer_activity_project_id_index" on "volunteer_activity" ("project_id");`);
    this.addSql(`create index "volunteer_activity_organisation_id_index" on "volunteer_activity" ("organisation_id");`);
    this.addSql(`create index "volunteer_activity_need_id_index" on "volunteer_activity" ("need_id");`);
    this.addSql(`create index "volunteer_activity_region_id_index" on "volunteer_activity" ("region_id");`);

    this.addSql(
      `create table "shift" ("id" uuid not null, "created_at" timestamptz not null, "activity_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" int not null, "required_skills" text[] not null, "check_in_code" varchar(8) not null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "shift_activity_id_index" on "shift" ("activity_id");`);
    this.addSql(`create index "shift_starts_at_index" on "shift" ("starts_at");`);

    this.addSql(
      `create table "shift_sign_up" ("id" uuid not null, "created_at" timestamptz not null, "shift_id" uuid not null, "person_id" uuid not null, "status" "shift_sign_up_status" not null, "sequence" serial, "promoted_at" timestamptz null, "checked_in_at" timestamptz null, "checked_in_by_id" uuid null, "cancelled_at" timestamptz null, "attendance_recorded_at" timestamptz null, "attendance_recorded_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "shift_sign_up_person_id_index" on "shift_sign_up" ("person_id");`);
    this.addSql(
      `create unique index "shift_sign_up_live_unique" on "shift_sign_up" ("shift_id", "person_id") where "status" <> 'CANCELLED';`,
    );

    this.addSql(
      `create table "service_hours_entry" ("id" uuid not null, "created_at" timestamptz not null, "person_id" uuid not null, "sign_up_id" uuid not null, "shift_id" uuid not null, "organisation_id" uuid not null, "hours" numeric(6,2) not null, "kind" "service_hours_kind" not null, "reason" varchar(500) null, "verified_by_id" uuid null, "corrects_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "service_hours_entry_person_id_index" on "service_hours_entry" ("person_id");`);
    this.addSql(`create index "service_hours_entry_sign_up_id_index" on "service_hours_entry" ("sign_up_id");`);
    this.addSql(`create index "service_hours_entry_shift_id_index" on "service_hours_entry" ("shift_id");`);
    this.addSql(`create index "service_hours_entry_organisation_id_index" on "service_hours_entry" ("organisation_id");`);

    this.addSql(
      `create table "volunteer_points_rule" ("id" uuid not null, "created_at" timestamptz not null, "organisation_id" uuid null, "points_per_hour" numeric(8,2) not null, "effective_from" timestamptz not null, "created_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(
      `create index "volunteer_points_rule_organisation_id_effective_from_index" on "volunteer_points_rule" ("organisation_id", "effective_from");`,
    );

    this.addSql(
      `alter table "commitment" add constraint "commitment_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "commitment" add constraint "commitment_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "commitment" add constraint "commitment_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "commitment" add constraint "commitment_need_id_foreign" foreign key ("need_id") references "need" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "commitment" add constraint "commitment_fulfilled_by_id_foreign" foreign key ("fulfilled_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "commitment" add constraint "commitment_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "commitment_progress" add constraint "commitment_progress_commitment_id_foreign" foreign key ("commitment_id") references "commitment" ("id");`,
    );
    this.addSql(
      `alter table "commitment_progress" add constraint "commitment_progress_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "commitment_evaluation" add constraint "commitment_evaluation_commitment_id_foreign" foreign key ("commitment_id") references "commitment" ("id");`,
    );
    this.addSql(
      `alter table "commitment_evaluation" add constraint "commitment_evaluation_person_id_foreign" foreign key ("person_id") references "person" ("id");`,
    );
    this.addSql(`alter table "commitment_evaluation" add constraint "commitment_evaluation_score_range" check (score between 1 and 5);`);

    this.addSql(
      `alter table "volunteer_activity" add constraint "volunteer_activity_project_id_foreign" foreign key ("project_id") references "project" ("id");`,
    );
    this.addSql(
      `alter table "volunteer_activity" add constraint "volunteer_activity_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );
    this.addSql(
      `alter table "volunteer_activity" add constraint "volunteer_activity_need_id_foreign" foreign key ("need_id") references "need" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "volunteer_activity" add constraint "volunteer_activity_region_id_foreign" foreign key ("region_id") references "region" ("id");`,
    );
    this.addSql(
      `alter table "volunteer_activity" add constraint "volunteer_activity_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "shift" add constraint "shift_activity_id_foreign" foreign key ("activity_id") references "volunteer_activity" ("id");`,
    );
    this.addSql(
      `alter table "shift" add constraint "shift_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "shift" add constraint "shift_capacity_positive" check (capacity > 0);`);
    this.addSql(`alter table "shift" add constraint "shift_times_ordered" check (ends_at > starts_at);`);

    this.addSql(
      `alter table "shift_sign_up" add constraint "shift_sign_up_shift_id_foreign" foreign key ("shift_id") references "shift" ("id");`,
    );
    this.addSql(
      `alter table "shift_sign_up" add constraint "shift_sign_up_person_id_foreign" foreign key ("person_id") references "person" ("id");`,
    );
    this.addSql(
      `alter table "shift_sign_up" add constraint "shift_sign_up_checked_in_by_id_foreign" foreign key ("checked_in_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "shift_sign_up" add constraint "shift_sign_up_attendance_recorded_by_id_foreign" foreign key ("attendance_recorded_by_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "service_hours_entry" add constraint "service_hours_entry_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "service_hours_entry" add constraint "service_hours_entry_sign_up_id_foreign" foreign key ("sign_up_id") references "shift_sign_up" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "service_hours_entry" add constraint "service_hours_entry_shift_id_foreign" foreign key ("shift_id") references "shift" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "service_hours_entry" add constraint "service_hours_entry_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "service_hours_entry" add constraint "service_hours_entry_verified_by_id_foreign" foreign key ("verified_by_id") references "person" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "service_hours_entry" add constraint "service_hours_entry_corrects_id_foreign" foreign key ("corrects_id") references "service_hours_entry" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "service_hours_entry" add constraint "service_hours_entry_credit_positive" check (kind = 'CORRECTION' or hours > 0);`,
    );
    this.addSql(`alter table "service_hours_entry" add constraint "service_hours_entry_hours_nonzero" check (hours <> 0);`);

    this.addSql(
      `alter table "volunteer_points_rule" add constraint "volunteer_points_rule_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "volunteer_points_rule" add constraint "volunteer_points_rule_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`,
    );
    this.addSql(`alter table "volunteer_points_rule" add constraint "volunteer_points_rule_nonnegative" check (points_per_hour >= 0);`);

    // The service-hours ledger is append-only, like activity_entry: corrections are new entries.
    this.addSql(
      `create function "service_hours_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'service_hours_entry is append-only: correct hours with a new entry'; end $$;`,
    );
    this.addSql(
      `create trigger "service_hours_entry_no_update" before update or delete on "service_hours_entry" for each statement execute function "service_hours_entry_append_only"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "commitment_progress" drop constraint "commitment_progress_commitment_id_foreign";`);
    this.addSql(`alter table "commitment_evaluation" drop constraint "commitment_evaluation_commitment_id_foreign";`);
    this.addSql(`alter table "shift" drop constraint "shift_activity_id_foreign";`);
    this.addSql(`alter table "shift_sign_up" drop constraint "shift_sign_up_shift_id_foreign";`);
    this.addSql(`alter table "service_hours_entry" drop constraint "service_hours_entry_shift_id_foreign";`);
    this.addSql(`alter table "service_hours_entry" drop constraint "service_hours_entry_sign_up_id_foreign";`);
    this.addSql(`alter table "service_hours_entry" drop constraint "service_hours_entry_corrects_id_foreign";`);

    this.addSql(`drop trigger if exists "service_hours_entry_no_update" on "service_hours_entry";`);
    this.addSql(`drop function if exists "service_hours_entry_append_only"();`);

    this.addSql(`drop table if exists "commitment" cascade;`);
    this.addSql(`drop table if exists "commitment_progress" cascade;`);
    this.addSql(`drop table if exists "commitment_evaluation" cascade;`);
    this.addSql(`drop table if exists "volunteer_activity" cascade;`);
    this.addSql(`drop table if exists "shift" cascade;`);
    this.addSql(`drop table if exists "shift_sign_up" cascade;`);
    this.addSql(`drop table if exists "service_hours_entry" cascade;`);
    this.addSql(`drop table if exists "volunteer_points_rule" cascade;`);

    this.addSql(`drop type "commitment_visibility";`);
    this.addSql(`drop type "shift_sign_up_status";`);
    this.addSql(`drop type "service_hours_kind";`);
  }
}

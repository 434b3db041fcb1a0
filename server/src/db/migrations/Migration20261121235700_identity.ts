import { Migration } from '@mikro-orm/migrations';

export class Migration20261121235700_identity extends Migration {
  override name = 'Migration20261121235700_identity';

  override up(): void | Promise<void> {
    this.addSql(`create type "region_level" as enum ('PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'GRID', 'MICRO_GRID');`);
    this.addSql(
      `create type "organisation_kind" as enum ('PARTY_ORGANISATION', 'GOVERNMENT_DEPARTMENT', 'ENTERPRISE', 'SOCIAL_ORGANISATION', 'DEMOCRATIC_PARTY', 'VILLAGE_COMMITTEE', 'PUBLIC_INSTITUTION');`,
    );
    this.addSql(
      `create type "organisation_subtype" as enum ('PARTY_COMMITTEE', 'PARTY_GENERAL_BRANCH', 'PARTY_BRANCH', 'STATE_OWNED', 'PRIVATE', 'VILLAGE_COLLECTIVE');`,
    );
    this.addSql(`create type "democratic_party" as enum ('RCCK', 'CDL', 'CNDCA', 'CAPD', 'CPWDP', 'CZGP', 'JIUSAN', 'TDSGL');`);
    this.addSql(`create type "verification_status" as enum ('PENDING', 'VERIFIED', 'REJECTED');`);
    this.addSql(
      `create type "person_tag" as enum ('RESIDENT', 'PARTY_MEMBER', 'DEMOCRATIC_PARTY_MEMBER', 'VOLUNTEER', 'GRID_WORKER', 'GRID_LEADER', 'LOCAL_WORTHY');`,
    );
    this.addSql(`create type "membership_role" as enum ('ADMIN', 'COORDINATOR', 'MEMBER');`);
    this.addSql(`create type "region_role_kind" as enum ('PLATFORM_ADMIN', 'REGION_ADMIN', 'GRID_WORKER');`);
    this.addSql(
      `create table "region" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(100) not null, "level" "region_level" not null, "division_code" varchar(12) null, "parent_id" uuid null, "path" text not null, primary key ("id"));`,
    );
    this.addSql(`alter table "region" add constraint "region_division_code_unique" unique ("division_code");`);
    this.addSql(`create index "region_parent_id_index" on "region" ("parent_id");`);
    this.addSql(`create index "region_path_index" on "region" ("path" text_pattern_ops);`);

    this.addSql(
      `create table "organisation" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(200) not null, "kind" "organisation_kind" not null, "subtype" "organisation_subtype" null, "democratic_party" "democratic_party" null, "region_id" uuid not null, "parent_id" uuid null, "credit_code" varchar(18) null, "description" text null, "contact_name" varchar(100) null, "contact_phone" varchar(30) null, "address" varchar(200) null, "verification_status" "verification_status" not null default 'PENDING', "verified_at" timestamptz null, "verified_by_id" uuid null, "verification_note" varchar(500) null, primary key ("id"));`,
    );
    this.addSql(`create index "organisation_kind_index" on "organisation" ("kind");`);
    this.addSql(`create index "organisation_region_id_index" on "organisation" ("region_id");`);
    this.addSql(`create index "organisation_parent_id_index" on "organisation" ("parent_id");`);
    this.addSql(`alter table "organisation" add constraint "organisation_credit_code_unique" unique ("credit_code");`);

    this.addSql(
      `create table "person" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(100) not null, "phone" varchar(20) null, "email" varchar(254) null, "address" varchar(200) null, "password_hash" varchar(200) null, "residence_region_id" uuid null, "tags" "person_tag"[] not null, "skills" text[] not null, "democratic_party" "democratic_party" null, "party_home_organisation_id" uuid null, "party_residence_organisation_id" uuid null, "deleted_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "person_residence_region_id_index" on "person" ("residence_region_id");`);
    this.addSql(`create unique index "person_phone_unique" on "person" ("phone") where "phone" is not null;`);
    this.addSql(`create unique index "person_email_unique" on "person" (lower("email")) where "email" is not null;`);

    this.addSql(
      `create table "api_token" ("id" uuid not null, "created_at" timestamptz not null, "name" varchar(100) not null, "token_hash" varchar(64) not null, "person_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "api_token_person_id_index" on "api_token" ("person_id");`);

    this.addSql(
      `create table "membership" ("id" uuid not null, "created_at" timestamptz not null, "person_id" uuid not null, "organisation_id" uuid not null, "role" "membership_role" not null, primary key ("id"));`,
    );
    this.addSql(`create index "membership_organisation_id_index" on "membership" ("organisation_id");`);
    this.addSql(
      `alter table "membership" add constraint "membership_person_id_organisation_id_unique" unique ("person_id", "organisation_id");`,
    );

    this.addSql(
      `create table "activity_entry" ("id" uuid not null, "created_at" timestamptz not null, "actor_id" uuid null, "on_behalf_of_id" uuid null, "action" varchar(60) not null, "subject_type" varchar(40) not null, "subject_uuid" uuid not null, "project_uuid" uuid null, "before" jsonb null, "after" jsonb null, primary key ("id"));`,
    );
    this.addSql(`create index "activity_entry_project_uuid_index" on "activity_entry" ("project_uuid");`);
    this.addSql(`create index "activity_entry_subject_type_subject_uuid_index" on "activity_entry" ("subject_type", "subject_uuid");`);

    this.addSql(
      `create table "region_role" ("id" uuid not null, "created_at" timestamptz not null, "person_id" uuid not null, "role" "region_role_kind" not null, "region_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "region_role_person_id_index" on "region_role" ("person_id");`);

    this.addSql(
      `create table "session" ("id" uuid not null, "created_at" timestamptz not null, "token_hash" varchar(64) not null, "person_id" uuid not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_person_id_index" on "session" ("person_id");`);

    this.addSql(`create table "sign_in_attempt" ("id" bigserial primary key, "key" varchar(300) not null, "at" timestamptz not null);`);
    this.addSql(`create index "sign_in_attempt_key_at_index" on "sign_in_attempt" ("key", "at");`);

    this.addSql(
      `alter table "region" add constraint "region_parent_id_foreign" foreign key ("parent_id") references "region" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "organisation" add constraint "organisation_region_id_foreign" foreign key ("region_id") references "region" ("id");`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_parent_id_foreign" foreign key ("parent_id") references "organisation" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "organisation" add constraint "organisation_verified_by_id_foreign" foreign key ("verified_by_id") references "person" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "person" add constraint "person_residence_region_id_foreign" foreign key ("residence_region_id") references "region" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "person" add constraint "person_party_home_organisation_id_foreign" foreign key ("party_home_organisation_id") references "organisation" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "person" add constraint "person_party_residence_organisation_id_foreign" foreign key ("party_residence_organisation_id") references "organisation" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "api_token" add constraint "api_token_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`,
    );

    this.addSql(
      `alter table "membership" add constraint "membership_person_id_foreign" foreign key ("person_id") references "person" ("id");`,
    );
    this.addSql(
      `alter table "membership" add constraint "membership_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id");`,
    );

    this.addSql(
      `alter table "activity_entry" add constraint "activity_entry_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete no action;`,
    );
    this.addSql(
      `alter table "activity_entry" add constraint "activity_entry_on_behalf_of_id_foreign" foreign key ("on_behalf_of_id") references "organisation" ("id") on delete no action;`,
    );

    this.addSql(
      `alter table "region_role" add constraint "region_role_person_id_foreign" foreign key ("person_id") references "person" ("id");`,
    );
    this.addSql(
      `alter table "region_role" add constraint "region_role_region_id_foreign" foreign key ("region_id") references "region" ("id") on delete set null;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`,
    );

    // The activity log is append-only: history is the basis of accountability, so the database itself
    // refuses to rewrite it, whatever the application does.
    this.addSql(
      `create function "activity_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'activity_entry is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger "activity_entry_no_update" before update or delete on "activity_entry" for each statement execute function "activity_entry_append_only"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "activity_entry_no_update" on "activity_entry";`);
    this.addSql(`drop function if exists "activity_entry_append_only"();`);
    this.addSql(`alter table "region" drop constraint "region_parent_id_foreign";`);
    this.addSql(`alter table "organisation" drop constraint "organisation_region_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_residence_region_id_foreign";`);
    this.addSql(`alter table "region_role" drop constraint "region_role_region_id_foreign";`);
    this.addSql(`alter table "organisation" drop constraint "organisation_parent_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_party_home_organisation_id_foreign";`);
    this.addSql(`alter table "person" drop constraint "person_party_residence_organisation_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_organisation_id_foreign";`);
    this.addSql(`alter table "activity_entry" drop constraint "activity_entry_on_behalf_of_id_foreign";`);
    this.addSql(`alter table "organisation" drop constraint "organisation_verified_by_id_foreign";`);
    this.addSql(`alter table "api_token" drop constraint "api_token_person_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_person_id_foreign";`);
    this.addSql(`alter table "activity_entry" drop constraint "activity_entry_actor_id_foreign";`);
    this.addSql(`alter table "region_role" drop constraint "region_role_person_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_person_id_foreign";`);

    this.addSql(`drop table if exists "region" cascade;`);
    this.addSql(`drop table if exists "organisation" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
    this.addSql(`drop table if exists "api_token" cascade;`);
    this.addSql(`drop table if exists "membership" cascade;`);
    this.addSql(`drop table if exists "activity_entry" cascade;`);
    this.addSql(`drop table if exists "region_role" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "sign_in_attempt" cascade;`);

    this.addSql(`drop type "region_level";`);
    this.addSql(`drop type "organisation_kind";`);
    this.addSql(`drop type "organisation_subtype";`);
    this.addSql(`drop type "democratic_party";`);
    this.addSql(`drop type "verification_status";`);
    this.addSql(`drop type "person_tag";`);
    this.addSql(`drop type "membership_role";`);
    this.addSql(`drop type "region_role_kind";`);
  }
}

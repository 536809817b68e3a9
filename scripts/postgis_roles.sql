-- Roles of one PostGIS workspace schema of the 15-Minute Living Circle plugin: a read-only role and an editor role.
--
-- Run it as the owner of the schema (the role that created the workspace) or a superuser, once per schema:
--
--   psql -h HOST -d DATABASE -U OWNER -v schema=haidian \
--        -v readers=haidian_read -v editors=haidian_edit -f scripts/postgis_roles.sql
--
-- then give each person's login role one of them:  GRANT haidian_edit TO zhang_san;
--
-- * readers see every table of the schema and change nothing: the plugin shows them no edit buttons and says why.
-- * editors add and change rows (circles, facilities, assets, projects, imports, coverage runs); the history
--   tables (asset_events, project_events) are append-only for them: the database writes the events, and nobody
--   but the owner can change or delete one (the triggers refuse it even then).
-- * neither role can change the schema itself: creating it and upgrading it to a newer plugin stays with the owner.
-- Running the script again is harmless; it also covers tables an upgrade added since.

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I NOLOGIN', :'readers')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'readers') \gexec
SELECT format('CREATE ROLE %I NOLOGIN', :'editors')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'editors') \gexec

BEGIN;

-- nobody else reads or writes the workspace by default
REVOKE ALL ON SCHEMA :"schema" FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA :"schema" FROM PUBLIC;

GRANT USAGE ON SCHEMA :"schema" TO :"readers", :"editors";
GRANT SELECT ON ALL TABLES IN SCHEMA :"schema" TO :"readers", :"editors";

-- editors write every table but the schema information and the history, which the database writes itself
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA :"schema" TO :"editors";
REVOKE INSERT, UPDATE, DELETE ON :"schema".fifteenmin_meta FROM :"editors";
REVOKE UPDATE, DELETE, TRUNCATE ON :"schema".asset_events, :"schema".project_events FROM :"editors";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA :"schema" TO :"editors";

-- tables the owner adds later (a plugin upgrade) get the same rights
ALTER DEFAULT PRIVILEGES IN SCHEMA :"schema" GRANT SELECT ON TABLES TO :"readers", :"editors";
ALTER DEFAULT PRIVILEGES IN SCHEMA :"schema" GRANT INSERT, UPDATE, DELETE ON TABLES TO :"editors";
ALTER DEFAULT PRIVILEGES IN SCHEMA :"schema" GRANT USAGE, SELECT ON SEQUENCES TO :"editors";

COMMIT;

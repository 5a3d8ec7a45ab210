// The store's migrations, one per schema version, in both dialects. The SQL lives in
// src/store/schema/<dialect>/NNN_name.sql, embedded at build time (cmake/embed_schema.cmake);
// the two dialects hold the same tables and columns (a test compares them). Private to store.
#pragma once

#include <span>

namespace backsignal::sql {

struct Migration {
  int version;
  const char* name;
  const char* sqlite;
  const char* postgres;
};

// Every migration, in version order (1, 2, ...). Never edit a released one: add the next.
std::span<const Migration> Migrations();

// The table that records the migrations applied, made before the first one.
inline constexpr const char* kSqliteMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
    "NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
inline constexpr const char* kPostgresMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
    "NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())";

}  // namespace backsignal::sql

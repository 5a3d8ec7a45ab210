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

}  // namespace backsignal::sql

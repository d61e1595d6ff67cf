#pragma once

namespace fp::sql {
class Database;
}

namespace fp::store {

// The schema version this build writes. Older project files are migrated on open, inside one
// transaction; a newer file (from a later FlashPlan) is refused rather than damaged.
int currentSchemaVersion();

// Brings `db` to currentSchemaVersion(). Throws FlashPlanError for a file from the future.
void migrate(sql::Database& db);

} // namespace fp::store

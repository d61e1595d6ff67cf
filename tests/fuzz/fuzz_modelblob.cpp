// libFuzzer target: loading a stored model (model/modelstore's loadActiveModel) whose parameter
// blob is any bytes, as a damaged or foreign project file may hold. It loads or throws
// FlashPlanError (StoredModel...); any other exception escapes and is a finding, and so is every
// sanitizer report or an allocation past libFuzzer's limit.
#include "base/error.h"
#include "model/modelstore.h"
#include "store/sqlite.h"
#include "store/store.h"

#include <cstddef>
#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0; // SQLite keeps an empty blob as NULL, which the params column refuses
    static fp::store::Store project(":memory:");
    fp::sql::Database& db = project.database();
    db.exec("DELETE FROM models");
    fp::sql::Statement insert(db, "INSERT INTO models(name, kind, format_version, created_at, "
                                  "seed, is_active, params, scores, curve) "
                                  "VALUES('fuzz', 'fuzz', 2, '', 1, 1, ?1, '{}', NULL)");
    insert.bind(1, std::vector<std::uint8_t>(data, data + size)).run();
    try {
        fp::model::loadActiveModel(project);
    } catch (const fp::FlashPlanError&) {
        // A damaged blob is refused in words.
    }
    return 0;
}

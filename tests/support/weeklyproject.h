#pragma once

#include "base/civildate.h"
#include "io/salesimporter.h"
#include "model/trainer.h"
#include "store/store.h"
#include "support/tempdir.h"

#include <functional>
#include <string>

namespace fp::test {

// The Monday a weekly project's history starts on.
constexpr DayNumber kWeeklyProjectStart = daysFromCivil(2025, 1, 6);

// Writes `path`: a weekly project of products A and B from kWeeklyProjectStart for `weeks` weeks,
// at a list price of 10 with a cut to 7.5 every sixth week, `absent(sku, week)` weeks left out of
// the file; then trains and stores its structured model. False when the import fails.
inline bool makeWeeklyProject(const TempDir& dir, const std::string& path, int weeks,
                              const std::function<bool(char sku, int week)>& absent = {})
{
    std::string csv = "date,sku,units,price,list_price\n";
    for (int week = 0; week < weeks; ++week)
        for (const char sku : {'A', 'B'}) {
            if (absent && absent(sku, week))
                continue;
            const bool cut = week % 6 == 0;
            csv += formatIsoDate(kWeeklyProjectStart + 7 * week) + "," + sku + "," +
                   std::to_string(cut ? 40 + week % 5 : 20 + week % 3) + "," +
                   (cut ? "7.5" : "10") + ",10\n";
        }
    store::Store store(path, store::Store::OpenMode::CreateIfMissing);
    if (!io::importSalesFile(store, dir.write("weekly.csv", csv)).committed)
        return false;
    model::TrainOptions options;
    options.model = "structured";
    model::trainAndStore(store, options);
    return true;
}

} // namespace fp::test

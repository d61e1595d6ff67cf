#include "store/schema.h"

#include "store/sqlite.h"

#include <array>
#include <string>

namespace fp::store {

namespace {

// Each entry upgrades the schema by one version. Append; never edit a released entry.
constexpr std::array kMigrations = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE categories (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE products (
    id                   INTEGER PRIMARY KEY,
    sku                  TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL DEFAULT '',
    category_id          INTEGER REFERENCES categories(id),
    list_price           REAL,             -- latest regular price (given, or estimated)
    list_price_estimated INTEGER NOT NULL DEFAULT 0,
    unit_cost            REAL
);
CREATE TABLE events (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
-- One row per product per period; day = days since 1970-01-01 (the week's date for weekly data).
-- filled = 1 marks a period missing from the file inside the product's range (0 units).
CREATE TABLE sales (
    product_id INTEGER NOT NULL REFERENCES products(id),
    day        INTEGER NOT NULL,
    units      REAL NOT NULL CHECK (units >= 0),
    price      REAL CHECK (price > 0),
    list_price REAL CHECK (list_price > 0),
    unit_cost  REAL CHECK (unit_cost >= 0),
    stock      REAL CHECK (stock >= 0),
    views      REAL CHECK (views >= 0),
    event_id   INTEGER REFERENCES events(id),
    filled     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, day)
) WITHOUT ROWID;
CREATE TABLE imports (
    id             INTEGER PRIMARY KEY,
    file           TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    rows_read      INTEGER NOT NULL,
    rows_rejected  INTEGER NOT NULL,
    rows_filled    INTEGER NOT NULL,
    products_added INTEGER NOT NULL,
    period_days    INTEGER NOT NULL,
    notes          TEXT NOT NULL DEFAULT ''
);
CREATE TABLE models (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    format_version INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    seed           INTEGER NOT NULL DEFAULT 0,
    is_active      INTEGER NOT NULL DEFAULT 0,
    params         BLOB NOT NULL,
    scores         TEXT NOT NULL DEFAULT '',
    curve          BLOB
);
CREATE TABLE campaigns (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    start_day  INTEGER NOT NULL,
    days       INTEGER NOT NULL CHECK (days > 0),
    settings   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE campaign_products (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    product_id   INTEGER NOT NULL REFERENCES products(id),
    stock        REAL,
    unit_cost    REAL,
    list_price   REAL,
    min_discount REAL NOT NULL DEFAULT 0,
    max_discount REAL NOT NULL DEFAULT 0.7,
    PRIMARY KEY (campaign_id, product_id)
);
CREATE TABLE scenarios (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    settings    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE scenario_discounts (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES products(id),
    discount    REAL NOT NULL CHECK (discount >= 0 AND discount <= 1),
    locked      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario_id, product_id)
);
)sql",
    // 1 -> 2: a saved scenario keeps its totals (the list shows them without a model) and the
    // order of its campaign's products.
    R"sql(
ALTER TABLE scenarios ADD COLUMN total_units REAL NOT NULL DEFAULT 0;
ALTER TABLE scenarios ADD COLUMN total_revenue REAL NOT NULL DEFAULT 0;
ALTER TABLE scenarios ADD COLUMN total_profit REAL; -- NULL: some product has no unit cost
ALTER TABLE scenarios ADD COLUMN total_markdown_cost REAL NOT NULL DEFAULT 0;
ALTER TABLE campaign_products ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
)sql",
    // 2 -> 3: the plan being worked on lives in the project, saved with every edit: role
    // 'current' is the plan shown, 'optimized' what the last Optimize gave (to tell whether the
    // plan still is the optimizer's). Products by position; limited_by as in the recommended table.
    R"sql(
CREATE TABLE working_plans (
    role                TEXT PRIMARY KEY CHECK (role IN ('current', 'optimized')),
    start_day           INTEGER NOT NULL,
    days                INTEGER NOT NULL CHECK (days > 0),
    settings            TEXT NOT NULL DEFAULT '',
    model_id            INTEGER,          -- the model it was evaluated or optimized with
    upper_bound         REAL,             -- the optimizer's proven bound on the objective
    total_units         REAL NOT NULL DEFAULT 0,
    total_revenue       REAL NOT NULL DEFAULT 0,
    total_profit        REAL,             -- NULL: some product has no unit cost
    total_markdown_cost REAL NOT NULL DEFAULT 0,
    saved_at            TEXT NOT NULL
);
CREATE TABLE working_plan_products (
    role         TEXT NOT NULL REFERENCES working_plans(role) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    product_id   INTEGER NOT NULL REFERENCES products(id),
    stock        REAL,
    unit_cost    REAL,
    list_price   REAL,
    min_discount REAL NOT NULL,
    max_discount REAL NOT NULL,
    discount     REAL NOT NULL CHECK (discount >= 0 AND discount <= 1),
    locked       INTEGER NOT NULL DEFAULT 0,
    limited_by   TEXT NOT NULL DEFAULT 'none',
    PRIMARY KEY (role, position)
) WITHOUT ROWID;
)sql",
    // 3 -> 4: products without sales history that the working plan holds (cold start), described
    // as they were placed among their peers, so that a reopened project places them again; a
    // working plan's row names either a product of the history or one of these.
    R"sql(
CREATE TABLE new_products (
    sku        TEXT PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    category   TEXT NOT NULL DEFAULT '',
    like_sku   TEXT NOT NULL DEFAULT '', -- the like item it sells like; empty: its category's
    list_price REAL NOT NULL CHECK (list_price > 0),
    unit_cost  REAL
);
CREATE TABLE working_plan_products_4 (
    role            TEXT NOT NULL REFERENCES working_plans(role) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    product_id      INTEGER REFERENCES products(id),
    new_product_sku TEXT REFERENCES new_products(sku),
    stock           REAL,
    unit_cost       REAL,
    list_price      REAL,
    min_discount    REAL NOT NULL,
    max_discount    REAL NOT NULL,
    discount        REAL NOT NULL CHECK (discount >= 0 AND discount <= 1),
    locked          INTEGER NOT NULL DEFAULT 0,
    limited_by      TEXT NOT NULL DEFAULT 'none',
    PRIMARY KEY (role, position),
    CHECK ((product_id IS NULL) <> (new_product_sku IS NULL))
) WITHOUT ROWID;
INSERT INTO working_plan_products_4(role, position, product_id, stock, unit_cost, list_price,
                                    min_discount, max_discount, discount, locked, limited_by)
    SELECT role, position, product_id, stock, unit_cost, list_price, min_discount, max_discount,
           discount, locked, limited_by
    FROM working_plan_products;
DROP TABLE working_plan_products;
ALTER TABLE working_plan_products_4 RENAME TO working_plan_products;
)sql",
    // 4 -> 5: the latest backtest of the model on past events (docs/review.md): per event day and
    // product the forecast from the history before the event, and what sold.
    R"sql(
CREATE TABLE backtests (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    model_kind TEXT NOT NULL
);
CREATE TABLE backtest_rows (
    backtest_id INTEGER NOT NULL REFERENCES backtests(id) ON DELETE CASCADE,
    event_index INTEGER NOT NULL,        -- events in the order they ran, oldest first
    event       TEXT NOT NULL,
    product_id  INTEGER NOT NULL REFERENCES products(id),
    day         INTEGER NOT NULL,
    price       REAL NOT NULL,
    forecast    REAL NOT NULL,
    lower       INTEGER NOT NULL,
    upper       INTEGER NOT NULL,
    actual      REAL NOT NULL,
    stock       REAL,                    -- NULL: unknown
    sold_out    INTEGER NOT NULL,
    pit         REAL NOT NULL,
    PRIMARY KEY (backtest_id, event_index, product_id, day)
) WITHOUT ROWID;
)sql",
    // 5 -> 6: per backtested event the 80% interval of its total units (docs/review.md); a
    // backtest stored before has none.
    R"sql(
CREATE TABLE backtest_events (
    backtest_id INTEGER NOT NULL REFERENCES backtests(id) ON DELETE CASCADE,
    event_index INTEGER NOT NULL,
    units_low   INTEGER NOT NULL,
    units_high  INTEGER NOT NULL,
    PRIMARY KEY (backtest_id, event_index)
) WITHOUT ROWID;
)sql",
    // 6 -> 7: a scenario holds new products (no sales history) as the working plan does: a
    // campaign's row and a scenario's discount name either a product of the history or one of
    // the campaign's new products, described as they were placed, by sku. Rows keep their rowid
    // (the order of products saved before positions were kept).
    R"sql(
CREATE TABLE scenario_new_products (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    sku         TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    category    TEXT NOT NULL DEFAULT '',
    like_sku    TEXT NOT NULL DEFAULT '',
    list_price  REAL NOT NULL CHECK (list_price > 0),
    unit_cost   REAL,
    PRIMARY KEY (campaign_id, sku)
) WITHOUT ROWID;
CREATE TABLE campaign_products_7 (
    campaign_id     INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    product_id      INTEGER REFERENCES products(id),
    new_product_sku TEXT,
    stock           REAL,
    unit_cost       REAL,
    list_price      REAL,
    min_discount    REAL NOT NULL DEFAULT 0,
    max_discount    REAL NOT NULL DEFAULT 0.7,
    position        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, product_id),
    UNIQUE (campaign_id, new_product_sku),
    CHECK ((product_id IS NULL) <> (new_product_sku IS NULL))
);
INSERT INTO campaign_products_7(rowid, campaign_id, product_id, stock, unit_cost, list_price,
                                min_discount, max_discount, position)
    SELECT rowid, campaign_id, product_id, stock, unit_cost, list_price, min_discount,
           max_discount, position
    FROM campaign_products;
DROP TABLE campaign_products;
ALTER TABLE campaign_products_7 RENAME TO campaign_products;
CREATE TABLE scenario_discounts_7 (
    scenario_id     INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    product_id      INTEGER REFERENCES products(id),
    new_product_sku TEXT,
    discount        REAL NOT NULL CHECK (discount >= 0 AND discount <= 1),
    locked          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (scenario_id, product_id),
    UNIQUE (scenario_id, new_product_sku),
    CHECK ((product_id IS NULL) <> (new_product_sku IS NULL))
);
INSERT INTO scenario_discounts_7(rowid, scenario_id, product_id, discount, locked)
    SELECT rowid, scenario_id, product_id, discount, locked FROM scenario_discounts;
DROP TABLE scenario_discounts;
ALTER TABLE scenario_discounts_7 RENAME TO scenario_discounts;
)sql",
};

int readUserVersion(sql::Database& db)
{
    sql::Statement stmt(db, "PRAGMA user_version");
    stmt.step();
    return static_cast<int>(stmt.int64(0));
}

} // namespace

int currentSchemaVersion()
{
    return static_cast<int>(kMigrations.size());
}

void migrate(sql::Database& db)
{
    const int version = readUserVersion(db);
    if (version > currentSchemaVersion())
        throw FlashPlanError(
            ProblemKind::NewerProjectVersion,
            {db.path(), std::to_string(version), std::to_string(currentSchemaVersion())});
    if (version == currentSchemaVersion())
        return;
    sql::Transaction transaction(db);
    for (int v = version; v < currentSchemaVersion(); ++v)
        db.exec(kMigrations[static_cast<size_t>(v)]);
    // user_version takes no bound parameter; the value is our own integer, not user text.
    db.exec(("PRAGMA user_version = " + std::to_string(currentSchemaVersion())).c_str());
    transaction.commit();
}

} // namespace fp::store

#include "data/calendar.h"
#include "data/demandcells.h"
#include "data/panel.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace fp;

TEST(Calendar, BlackFridayAndCyberMonday)
{
    EXPECT_EQ(formatIsoDate(data::blackFridayOf(2024)), "2024-11-29");
    EXPECT_EQ(formatIsoDate(data::blackFridayOf(2025)), "2025-11-28");
    const data::Calendar calendar(1, 0);
    const auto bit = [](data::Holiday h) {
        return 1u << static_cast<unsigned>(h);
    };
    EXPECT_TRUE(calendar.holidays(daysFromCivil(2025, 12, 1)) & bit(data::Holiday::CyberMonday));
    EXPECT_TRUE(calendar.holidays(daysFromCivil(2025, 11, 11)) & bit(data::Holiday::SinglesDay));
    EXPECT_EQ(calendar.holidays(daysFromCivil(2025, 3, 3)), 0u);
    // Weekly periods carry every holiday of their seven days.
    const data::Calendar weekly(7, 0);
    EXPECT_TRUE(weekly.holidays(daysFromCivil(2025, 11, 9)) & bit(data::Holiday::SinglesDay));
    EXPECT_EQ(weekly.weekday(daysFromCivil(2025, 11, 9)), -1);
}

TEST(Calendar, BlackFridayIsTheDayAfterTheFourthThursday)
{
    EXPECT_EQ(data::blackFridayOf(2024), daysFromCivil(2024, 11, 29)); // Nov 1 was a Friday
    EXPECT_EQ(data::blackFridayOf(2026), daysFromCivil(2026, 11, 27));
    EXPECT_EQ(data::blackFridayOf(2018), daysFromCivil(2018, 11, 23));
    for (int y = 2000; y < 2040; ++y)
        EXPECT_EQ(weekdayOf(data::blackFridayOf(y)), 4);
}

TEST(DemandCells, EventDaysCountUpAndTheDipCountsDaysSinceTheEventEnded)
{
    data::Panel panel(1, daysFromCivil(2025, 1, 1), 10,
                      {data::PanelProduct{1, "A", "", 0, 10.0, {}, 0, -1}}, {"c"});
    for (int t = 0; t < 10; ++t) {
        const bool event = t == 3 || t == 4 || t == 5;
        panel.setCell(0, t, t == 7 ? 2.0f : 1.0f, event ? 6.0f : 10.0f, 10.0f,
                      t == 7 ? 2.0f : std::nanf(""), event ? 9 : -1);
    }
    const auto cells = data::historyCells(panel, 0, 10);
    ASSERT_EQ(cells.size(), 10u);
    EXPECT_EQ(cells[2].eventDay, -1);
    EXPECT_EQ(cells[3].eventDay, 0);
    EXPECT_EQ(cells[5].eventDay, 2);
    EXPECT_EQ(cells[6].sinceEvent, 1);
    EXPECT_FLOAT_EQ(cells[6].lastEventDepth, 0.4f);
    EXPECT_EQ(cells[9].sinceEvent, 4);
    EXPECT_NEAR(cells[4].discount, 0.4f, 1e-6);
    EXPECT_TRUE(cells[7].censored);
    EXPECT_FALSE(cells[8].censored);

    // A plan right after the history continues the dip.
    const auto planned =
        data::scenarioCells(panel, {{0, daysFromCivil(2025, 1, 11), 0.0f, false, std::nanf("")}});
    ASSERT_EQ(planned.size(), 1u);
    EXPECT_EQ(planned[0].period, 10);
    EXPECT_EQ(planned[0].sinceEvent, 5);
}

TEST(DemandCells, HistoryCellsHoldExactlyThePresentCellsOfTheirPeriods)
{
    // Two products, the second starting later, with absent periods: the cells are counted before
    // they are made, so the vector holds no spare capacity (millions of cells when training).
    data::Panel panel(1, daysFromCivil(2025, 1, 1), 20,
                      {data::PanelProduct{1, "A", "", 0, 10.0, {}, 0, -1},
                       data::PanelProduct{2, "B", "", 0, 10.0, {}, 5, -1}},
                      {"c"});
    for (int t = 0; t < 20; ++t) {
        if (t % 3 != 1)
            panel.setCell(0, t, 1.0f, 10.0f, 10.0f, std::nanf(""), -1);
        if (t >= 5 && t != 12)
            panel.setCell(1, t, 2.0f, 10.0f, 10.0f, std::nanf(""), -1);
    }
    for (const auto& [from, to] : {std::pair{0, 20}, std::pair{4, 15}, std::pair{15, 40}}) {
        const auto cells = data::historyCells(panel, from, to);
        size_t expected = 0;
        for (int p = 0; p < 2; ++p)
            for (int t = from; t < std::min(to, 20); ++t)
                expected += panel.present(p, t) ? 1 : 0;
        EXPECT_EQ(cells.size(), expected) << from << ".." << to;
        EXPECT_EQ(cells.capacity(), cells.size()) << from << ".." << to;
        for (const data::DemandCell& cell : cells)
            EXPECT_TRUE(cell.period >= from && cell.period < to &&
                        panel.present(cell.product, cell.period));
    }
}

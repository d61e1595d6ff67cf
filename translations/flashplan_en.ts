<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fp::ui::BacktestView</name>
    <message numerus="yes">
        <location filename="../ui/review/backtestview.cpp" line="+208"/>
        <source>Backtesting %n event(s)</source>
        <translation>
            <numerusform>Backtesting %n event</numerusform>
            <numerusform>Backtesting %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>The %1 model, refitted on the history before each event: %2 %5 in %n event(s), %3 inside their 80% interval (hit rate %4; about 80% when the intervals are honest).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fp::ui::CampaignSetup</name>
    <message numerus="yes">
        <location filename="../ui/planner/campaignsetup.cpp" line="+273"/>
        <source>%n product(s) in the campaign</source>
        <translation>
            <numerusform>%n product in the campaign</numerusform>
            <numerusform>%n products in the campaign</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>... and %n more (see the tooltip)</source>
        <translation>
            <numerusform>... and %n more (see the tooltip)</numerusform>
            <numerusform>... and %n more (see the tooltip)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+92"/>
        <source>%n product(s) left out:</source>
        <translation>
            <numerusform>%n product left out:</numerusform>
            <numerusform>%n products left out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Add %n selected product(s)</source>
        <translation>
            <numerusform>Add %n selected product</numerusform>
            <numerusform>Add %n selected products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Add the top %n product(s) by revenue</source>
        <translation>
            <numerusform>Add the top product by revenue</numerusform>
            <numerusform>Add the top %n products by revenue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>The campaign file has %n problem(s); nothing was changed.</source>
        <translation>
            <numerusform>The campaign file has %n problem; nothing was changed.</numerusform>
            <numerusform>The campaign file has %n problems; nothing was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%1: %n product(s) skipped, the rest loaded:</source>
        <translation>
            <numerusform>%1: %n product skipped, the rest loaded:</numerusform>
            <numerusform>%1: %n products skipped, the rest loaded:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+118"/>
        <source>Remove %n product(s)</source>
        <translation>
            <numerusform>Remove %n product</numerusform>
            <numerusform>Remove %n products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fp::ui::CampaignTableModel</name>
    <message numerus="yes">
        <location filename="../ui/planner/campaigntablemodel.cpp" line="+220"/>
        <source>Paste %n cell(s)</source>
        <translation>
            <numerusform>Paste %n cell</numerusform>
            <numerusform>Paste %n cells</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fp::ui::DiscountChart</name>
    <message numerus="yes">
        <location filename="../ui/charts/discountchart.cpp" line="+217"/>
        <source>Demand curve: a %n-week flash sale</source>
        <translation>
            <numerusform>Demand curve: a %n-week flash sale</numerusform>
            <numerusform>Demand curve: a %n-week flash sale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Demand curve: a %n-day flash sale</source>
        <translation>
            <numerusform>Demand curve: a %n-day flash sale</numerusform>
            <numerusform>Demand curve: a %n-day flash sale</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fp::ui::PlannerView</name>
    <message numerus="yes">
        <location filename="../ui/planner/plannerview.cpp" line="+387"/>
        <source>%n product(s) of the plan are not in the trained model and were left out; train the model again to include them.</source>
        <translation>
            <numerusform>%n product of the plan is not in the trained model and was left out; train the model again to include it.</numerusform>
            <numerusform>%n products of the plan are not in the trained model and were left out; train the model again to include them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+171"/>
        <source>Optimizing %n product(s)</source>
        <translation>
            <numerusform>Optimizing %n product</numerusform>
            <numerusform>Optimizing %n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+105"/>
        <source>Flash sale %1, %n day(s)</source>
        <translation>
            <numerusform>Flash sale %1, %n day</numerusform>
            <numerusform>Flash sale %1, %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fp::ui::ReviewView</name>
    <message numerus="yes">
        <location filename="../ui/review/reviewview.cpp" line="+172"/>
        <source>%1 (%2, %n day(s))</source>
        <translation>
            <numerusform>%1 (%2, %n day)</numerusform>
            <numerusform>%1 (%2, %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%1: the sale of %2 to %3, %n product(s) reviewed.</source>
        <translation>
            <numerusform>%1: the sale of %2 to %3, %n product reviewed.</numerusform>
            <numerusform>%1: the sale of %2 to %3, %n products reviewed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fp::ui::ScenarioPanel</name>
    <message numerus="yes">
        <location filename="../ui/planner/scenariopanel.cpp" line="+87"/>
        <source>%1
%n product(s) · %2</source>
        <translation>
            <numerusform>%1
%n product · %2</numerusform>
            <numerusform>%1
%n products · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+224"/>
        <source>Delete %n scenario(s) from the project?</source>
        <translation>
            <numerusform>Delete %n scenario from the project?</numerusform>
            <numerusform>Delete %n scenarios from the project?</numerusform>
        </translation>
    </message>
</context>
</TS>

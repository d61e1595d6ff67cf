<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/planner/plannerdocument.cpp" line="+25"/>
        <source>Set %1 to %2% off</source>
        <translation>将 %1 设为降价 %2%</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Lock %1</source>
        <translation>锁定 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unlock %1</source>
        <translation>解锁 %1</translation>
    </message>
</context>
<context>
    <name>fp::ui::AboutDialog</name>
    <message>
        <location filename="../ui/settings/aboutdialog.cpp" line="+31"/>
        <source>%1 (built with %2)</source>
        <translation>%1（编译版本 %2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About FlashPlan</source>
        <translation>关于 FlashPlan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h2&gt;FlashPlan %1&lt;/h2&gt;&lt;p&gt;Plan flash-sale discounts from your sales history.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;FlashPlan %1&lt;/h2&gt;&lt;p&gt;根据历史销售数据规划闪购折扣。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Released under the MIT licence.&lt;/p&gt;&lt;p&gt;New here? Read the &lt;a href=&quot;%1&quot;&gt;User Guide&lt;/a&gt; (F1).&lt;/p&gt;</source>
        <translation>&lt;p&gt;基于 MIT 许可证发布。&lt;/p&gt;&lt;p&gt;初次使用？请阅读&lt;a href=&quot;%1&quot;&gt;用户指南&lt;/a&gt;（F1）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
</context>
<context>
    <name>fp::ui::AppSettings</name>
    <message>
        <location filename="../ui/settings/appsettings.cpp" line="+216"/>
        <source>units</source>
        <translation>件</translation>
    </message>
</context>
<context>
    <name>fp::ui::BacktestCharts</name>
    <message>
        <location filename="../ui/review/backtestcharts.cpp" line="+75"/>
        <source>80% interval of the forecast</source>
        <translation>预测的 80% 区间</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Forecast and actual units per event, the bias above each</source>
        <translation>各活动的预测与实际销量（上方为偏差）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event start</source>
        <translation>活动开始日期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Calibration: where the actual fell in the forecast (PIT)</source>
        <translation>校准：实际值落在预测分布中的位置（PIT）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product-weeks</source>
        <translation>商品周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product-days</source>
        <translation>商品日</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PIT in tenths (flat when honest)</source>
        <translation>PIT 十分位（区间可信时大致均匀）</translation>
    </message>
</context>
<context>
    <name>fp::ui::BacktestView</name>
    <message>
        <location filename="../ui/review/backtestview.cpp" line="+72"/>
        <source>How many of the history&apos;s latest flash-sale events to backtest</source>
        <translation>回测历史中最近的几次闪购活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run Backtest</source>
        <translation>运行回测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refit the active model on the history before each event and forecast the event at the prices and stock it had; the result is kept in the project</source>
        <translation>在每次活动之前的历史上重新拟合当前模型，并按活动当时的价格和库存预测该活动；结果保存在项目中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backtest Rows (XLSX or CSV)...</source>
        <translation>回测明细（XLSX 或 CSV）...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Event Chart as PNG...</source>
        <translation>活动图表另存为 PNG...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calibration Chart as PNG...</source>
        <translation>校准图表另存为 PNG...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Latest events:</source>
        <translation>最近活动数：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast units</source>
        <translation>预测销量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual units</source>
        <translation>实际销量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit rate</source>
        <translation>命中率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The 80% interval of the event&apos;s total units: the actual total falls inside it for about 8 events in 10 when the model is honest</source>
        <translation>该活动总销量的 80% 区间：模型可信时，约每 10 次活动中有 8 次的实际总量落在其中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forecast over actual units, minus 1: +10% forecast 10% more than sold</source>
        <translation>预测销量除以实际销量再减 1：+10% 表示预测比实际多 10%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the event&apos;s product-days (product-weeks for weekly data) inside their 80% interval (about 80% when honest)</source>
        <translation>该活动中落在 80% 区间内的商品日（周数据为商品周）占比（区间可信时约为 80%）</translation>
    </message>
    <message numerus="yes">
        <location line="+116"/>
        <source>The %1 model, refitted on the history before each event: %2 %5 in %n event(s), %3 inside their 80% interval (hit rate %4; about 80% when the intervals are honest).</source>
        <translation>
            <numerusform>%1 模型，在每次活动之前的历史上重新拟合：%n 次活动共 %2 个%5，其中 %3 个落在 80% 区间内（命中率 %4；区间可信时约为 80%）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-83"/>
        <source>No backtest yet. Run one: the model is refitted on the history before each of the latest flash-sale events and forecasts it.</source>
        <translation>尚无回测。运行一次：模型会在最近每次闪购活动之前的历史上重新拟合，并预测该活动。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Backtest cancelled; the project is unchanged.</source>
        <translation>回测已取消；项目未改变。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the stored backtest...</source>
        <translation>正在读取已保存的回测...</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Open a project to backtest its model.</source>
        <translation>打开项目以回测其模型。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the stored backtest</source>
        <translation>正在读取已保存的回测</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“%1” is still running; backtest when it has finished.</source>
        <translation>“%1”仍在运行；请在其完成后再回测。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Backtesting %n event(s)</source>
        <translation>
            <numerusform>正在回测 %n 次活动</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Event totals: %1 of %2 inside their 80% interval (event hit rate %3).</source>
        <translation>活动总量：%2 次活动中有 %1 次落在 80% 区间内（活动命中率 %3）。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Exporting the backtest</source>
        <translation>正在导出回测</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export the backtest</source>
        <translation>导出回测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>fp::ui::CampaignSetup</name>
    <message>
        <location filename="../ui/planner/campaignsetup.cpp" line="+83"/>
        <source>Sale window and goal</source>
        <translation>活动时间与目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>First day of the flash sale</source>
        <translation>闪购第一天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many days the sale lasts</source>
        <translation>活动持续天数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blend</source>
        <translation>综合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the optimizer maximizes. Blend: profit + weight x revenue</source>
        <translation>优化器要最大化的目标。综合：毛利 + 权重 × 销售额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>weight </source>
        <translation>权重 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blend objective: profit + this weight x revenue</source>
        <translation>综合目标：毛利 + 此权重 × 销售额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maximize</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Markdown budget</source>
        <translation>让利预算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap the total markdown cost: (list price - sale price) x units</source>
        <translation>限制总让利成本：(原价 − 活动价) × 件数</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>%1: imported after the model was trained; train again to include it</source>
        <translation>%1：在模型训练之后才导入；请重新训练以纳入它</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot place the new products</source>
        <translation>无法安置新商品</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Never below cost</source>
        <translation>不低于成本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never sell below unit cost x (1 + this margin); 0% is the unit cost. Uncheck to allow prices below cost (such rows are flagged below_cost)</source>
        <translation>售价不低于 单位成本 × (1 + 此毛利率)；0% 即单位成本。取消勾选则允许低于成本的价格（这些行会被标出）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>margin </source>
        <translation>毛利率 </translation>
    </message>
    <message>
        <location line="+11"/>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The optimizer tries discounts in steps of this size</source>
        <translation>优化器按此步长尝试各档折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount step</source>
        <translation>折扣步长</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Selected</source>
        <translation>添加所选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the products selected in the Products list</source>
        <translation>添加在商品列表中选中的商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Load CSV...</source>
        <translation>载入 CSV...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the products with those of a campaign.csv (sku, stock, unit_cost, list_price, min_discount, max_discount)</source>
        <translation>用 campaign.csv 中的商品替换当前商品（sku、stock、unit_cost、list_price、min_discount、max_discount）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected rows from the campaign (Delete)</source>
        <translation>从活动中移除所选行（Delete）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Double-click to edit; paste a block copied from a spreadsheet with Ctrl+V</source>
        <translation>双击编辑；可用 Ctrl+V 粘贴从电子表格复制的区域</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n product(s) in the campaign</source>
        <translation>
            <numerusform>活动共 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train a model to plan a campaign</source>
        <translation>先训练模型，再规划活动</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>... and %n more (see the tooltip)</source>
        <translation>
            <numerusform>……另有 %n 个（见提示）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Change the optimizer settings</source>
        <translation>修改优化设置</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change the sale window</source>
        <translation>修改活动时间</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%n product(s) left out:</source>
        <translation>
            <numerusform>%n 个商品未加入：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>New Product...</source>
        <translation>新商品...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A product without sales history, forecast from products like it</source>
        <translation>没有销售历史的商品，其预测来自与之相似的商品</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>%1: %n product(s) skipped, the rest loaded:</source>
        <translation>
            <numerusform>%1：跳过 %n 个商品，其余已载入：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: loaded, with notes:</source>
        <translation>%1：已载入，附注：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No product of %1 can be planned; nothing was changed.</source>
        <translation>%1 中没有可以规划的商品；未做任何更改。</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>No products selected</source>
        <translation>未选择商品</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Add a whole category, the top sellers by revenue, or a new product without sales history</source>
        <translation>添加整个类目、销售额最高的畅销商品，或没有销售历史的新商品</translation>
    </message>
    <message>
        <location line="+228"/>
        <source>Select products in the Products list first (Ctrl+click or Shift+click selects several).</source>
        <translation>请先在商品列表中选择商品（按住 Ctrl 或 Shift 点击可多选）。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Add %n selected product(s)</source>
        <translation>
            <numerusform>添加 %n 个选中的商品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Add the top %n product(s) by revenue</source>
        <translation>
            <numerusform>添加销售额前 %n 的商品</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Top Products by Revenue...</source>
        <translation>销售额排名靠前的商品...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top products by revenue</source>
        <translation>销售额排名靠前的商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many of the best-selling products?</source>
        <translation>添加多少个畅销商品？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All Products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Load campaign</source>
        <translation>载入活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign CSV (*.csv);;All files (*)</source>
        <translation>活动 CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+55"/>
        <source>Cannot load the campaign</source>
        <translation>无法载入活动</translation>
    </message>
    <message numerus="yes">
        <location line="-54"/>
        <source>The campaign file has %n problem(s); nothing was changed.</source>
        <translation>
            <numerusform>活动文件有 %n 处问题，未做任何更改。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Load %1</source>
        <translation>载入 %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Placing new products among their peers</source>
        <translation>正在按相似商品安置新商品</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+14"/>
        <source>Cannot add the new product</source>
        <translation>无法添加新商品</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add new product %1</source>
        <translation>添加新商品 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>Remove %n product(s)</source>
        <translation>
            <numerusform>移除 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot paste</source>
        <translation>无法粘贴</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1

Nothing was changed.</source>
        <translation>%1

未做任何更改。</translation>
    </message>
</context>
<context>
    <name>fp::ui::CampaignTableModel</name>
    <message>
        <location filename="../ui/planner/campaigntablemodel.cpp" line="+100"/>
        <location line="+20"/>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the list price must be above 0</source>
        <translation>%1：原价必须大于 0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the stock cannot be negative</source>
        <translation>%1：库存不能为负数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: the unit cost cannot be negative</source>
        <translation>%1：单位成本不能为负数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: a discount must be between 0% and 95%</source>
        <translation>%1：折扣必须在 0% 到 95% 之间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the minimum discount is above the maximum</source>
        <translation>%1：最低折扣高于最高折扣</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This column cannot be edited</source>
        <translation>此列不可编辑</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的%1</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Paste %n cell(s)</source>
        <translation>
            <numerusform>粘贴 %n 个单元格</numerusform>
        </translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Regular price during the sale; the discount is taken off it</source>
        <translation>活动期间的原价，折扣以此为基准</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Units available for the whole sale window; empty = unlimited</source>
        <translation>整个活动期间的可售件数；留空 = 不限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost of one unit; empty = unknown (no profit)</source>
        <translation>单件成本；留空 = 未知（不计毛利）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest discount the optimizer may choose, in percent</source>
        <translation>优化器可选的最低折扣（百分比）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest discount the optimizer may choose, in percent</source>
        <translation>优化器可选的最高折扣（百分比）</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min</source>
        <translation>最低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max</source>
        <translation>最高</translation>
    </message>
</context>
<context>
    <name>fp::ui::ChartExportMenu</name>
    <message>
        <location filename="../ui/charts/chartexport.cpp" line="+57"/>
        <source>Save Chart as PNG…</source>
        <translation>将图表另存为 PNG…</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+12"/>
        <source>Save Chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose another folder or file name and try again.</source>
        <translation>请换一个文件夹或文件名后重试。</translation>
    </message>
</context>
<context>
    <name>fp::ui::ChartPage</name>
    <message>
        <location filename="../ui/charts/chartpage.cpp" line="+19"/>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>fp::ui::CsvPreviewModel</name>
    <message>
        <location filename="../ui/import/csvpreviewmodel.cpp" line="+67"/>
        <source>Line %1 of the file</source>
        <translation>文件第 %1 行</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1
→ %2</source>
        <translation>%1
→ %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1
(not imported)</source>
        <translation>%1
（不导入）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column %1 &apos;%2&apos; is imported as %3</source>
        <translation>第 %1 列“%2”导入为 %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column %1 &apos;%2&apos; is not imported; choose it for a field above to import it</source>
        <translation>第 %1 列“%2”不导入；如需导入，请在上方为某个字段选择此列</translation>
    </message>
</context>
<context>
    <name>fp::ui::DiscountChart</name>
    <message>
        <location filename="../ui/charts/discountchart.cpp" line="+29"/>
        <source>Discount (%)</source>
        <translation>折扣（%）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected units</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units in the sale</source>
        <translation>活动销量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue, profit</source>
        <translation>销售额、毛利</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usual discount</source>
        <translation>常用折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extrapolated</source>
        <translation>外推部分</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Expected units sold in a flash sale of this product at each discount, with stock unlimited</source>
        <translation>该商品在各档折扣下闪购的预计销量（不限库存）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected revenue (sale price x units) and profit ((sale price - unit cost) x units) in the sale at each discount</source>
        <translation>各档折扣下活动的预计销售额（活动价 × 件数）和毛利（(活动价 − 单位成本) × 件数）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Planned %1%</source>
        <translation>计划 %1%</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Usual discount %1%</source>
        <translation>常用折扣 %1%</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Demand curve: a %n-week flash sale</source>
        <translation>
            <numerusform>需求曲线：%n 周闪购</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Demand curve: a %n-day flash sale</source>
        <translation>
            <numerusform>需求曲线：%n 天闪购</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue and profit vs discount</source>
        <translation>销售额和毛利随折扣的变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue vs discount (profit needs a unit cost)</source>
        <translation>销售额随折扣的变化（毛利需要单位成本）</translation>
    </message>
</context>
<context>
    <name>fp::ui::DiscountSpinDelegate</name>
    <message>
        <location filename="../ui/planner/plantableview.cpp" line="+109"/>
        <source>Discount in percent; Up and Down change it by one point</source>
        <translation>折扣（百分比）；上下方向键每次调整 1 个百分点</translation>
    </message>
</context>
<context>
    <name>fp::ui::FileExporter</name>
    <message>
        <location filename="../ui/review/fileexporter.cpp" line="+19"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

No file was changed.</source>
        <translation>%1

未更改任何文件。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saving the chart</source>
        <translation>正在保存图表</translation>
    </message>
</context>
<context>
    <name>fp::ui::FitView</name>
    <message>
        <location filename="../ui/model/fitview.cpp" line="+350"/>
        <source>Units per day</source>
        <translation>每日销量</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Held-out period</source>
        <translation>回测期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual units</source>
        <translation>实际销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fitted</source>
        <translation>拟合值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forecast (regular price)</source>
        <translation>预测（常规价）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Units (log scale)</source>
        <translation>销量（对数刻度）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The project&apos;s active model; its scores are on the held-out period, which it did not see while being scored</source>
        <translation>项目当前使用的模型；评分基于回测期，模型评分时未见过这段数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the flash sale the discount curves are for; it starts the day after the product&apos;s history</source>
        <translation>折扣曲线对应的闪购时长，从该商品历史数据的次日开始</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show the whole history and forecast again (Home)</source>
        <translation>重新显示全部历史和预测（Home）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units on a logarithmic scale, so that ordinary days show beside an event&apos;s spike</source>
        <translation>用对数刻度显示销量，使平常日子在活动峰值旁也看得清</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sale window:</source>
        <translation>活动时长：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot show the fit of %1: %2</source>
        <translation>无法显示 %1 的拟合：%2</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Select a product in the list to see how the model fits it.</source>
        <translation>在列表中选择一个商品，查看模型对它的拟合效果。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Fitting %1</source>
        <translation>正在拟合 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Train a model to see the fit.

The Train tab fits a demand model to the sales history; this view then shows how it fits each product.</source>
        <translation>训练模型后即可查看拟合效果。

“训练”页用历史销售数据拟合需求模型；此视图显示模型对每个商品的拟合情况。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model: %1, held-out WAPE %2</source>
        <translation>模型：%1，回测 WAPE %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no sales recorded, so there is nothing to fit.</source>
        <translation>%1 没有销售记录，无可拟合。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Units per week</source>
        <translation>每周销量</translation>
    </message>
</context>
<context>
    <name>fp::ui::HelpDialog</name>
    <message>
        <location filename="../ui/settings/helpdialog.cpp" line="+16"/>
        <source>FlashPlan User Guide</source>
        <translation>FlashPlan 用户指南</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the place you were reading</source>
        <translation>回到之前阅读的位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the top of the guide and its contents</source>
        <translation>回到指南开头及目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the guide</source>
        <translation>关闭指南</translation>
    </message>
</context>
<context>
    <name>fp::ui::ImportDialog</name>
    <message>
        <location filename="../ui/import/importdialog.cpp" line="+48"/>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The calendar day of the row, as YYYY-MM-DD.</source>
        <translation>该行的日期，格式为 YYYY-MM-DD。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The product id.</source>
        <translation>商品编号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units sold that day (a number, 0 or more).</source>
        <translation>当天销量（大于等于 0 的数字）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The unit price actually charged that day, after any discount.</source>
        <translation>当天实际成交单价（折后）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The regular, undiscounted unit price. Without it the regular price is estimated from each product&apos;s history.</source>
        <translation>未打折的常规单价。缺少此列时，将根据每个商品的历史估算常规价。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The product name.</source>
        <translation>商品名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The product category.</source>
        <translation>商品类目。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cost of one unit, for profit.</source>
        <translation>单件成本，用于计算毛利。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units available at the start of the day; units equal to stock means the product sold out.</source>
        <translation>当天开始时的可售库存；销量等于库存即表示售罄。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Product page views that day.</source>
        <translation>当天商品页浏览量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The flash-sale campaign id, empty when none.</source>
        <translation>闪购活动编号，没有则留空。</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Type or paste the path of a sales CSV, or Browse</source>
        <translation>输入或粘贴销售 CSV 的路径，或点击“浏览”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sales-history CSV to import: type or paste its path and press Enter, or choose it with Browse</source>
        <translation>要导入的销售历史 CSV：输入或粘贴路径后按回车，或用“浏览”选择</translation>
    </message>
    <message>
        <location line="+222"/>
        <location filename="../ui/import/importreporttext.cpp" line="+21"/>
        <source>weekly</source>
        <translation>按周</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../ui/import/importreporttext.cpp" line="+0"/>
        <source>daily</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../ui/import/importreporttext.cpp" line="+2"/>
        <source>%1 from %2 to %3</source>
        <translation>%1，%2 至 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported %1 rows for %2 products (%3 new), %4.</source>
        <translation>已导入 %1 行，涉及 %2 个商品（新增 %3 个），%4。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 duplicate rows were combined.</source>
        <translation>已合并 %1 行重复数据。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Note: %1.</source>
        <translation>注意：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns not imported: %1.</source>
        <translation>未导入的列：%1。</translation>
    </message>
    <message>
        <location filename="../ui/import/importdialog.cpp" line="-31"/>
        <location line="+66"/>
        <location filename="../ui/import/importreporttext.cpp" line="+1"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../ui/import/importreporttext.cpp" line="-37"/>
        <source>as chosen</source>
        <translation>按所选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as the project&apos;s first import decided</source>
        <translation>按项目首次导入时的决定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>weekly data: scanner panels leave out weeks they have no data for</source>
        <translation>周数据：扫描面板会略去没有数据的周</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file lists periods with 0 units, so an absent one is a period without data</source>
        <translation>文件列出了销量为 0 的时段，因此缺失的时段视为没有数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>daily data without 0-unit rows: an absent day is a day without sales</source>
        <translation>日数据且没有销量为 0 的行：缺失的日期视为没有销售</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 missing periods are no data, left out of fitting (%2).</source>
        <translation>%1 个缺失时段视为没有数据，不参与拟合（%2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 missing periods were counted as 0 units sold (%2).</source>
        <translation>%1 个缺失时段按销量 0 计入（%2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No period was missing; absent periods are no data, left out of fitting (%1).</source>
        <translation>没有缺失的时段；今后缺失的时段将视为没有数据，不参与拟合（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No period was missing; absent periods count as 0 units sold (%1).</source>
        <translation>没有缺失的时段；今后缺失的时段将按销量 0 计入（%1）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>:%1</source>
        <translation>:%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>column %1 (%2): </source>
        <translation>第 %1 列（%2）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>column %1: </source>
        <translation>第 %1 列：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2%3</source>
        <translation>%1：%2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>... and %1 more problems (the first %2 are listed).</source>
        <translation>……另有 %1 个问题（仅列出前 %2 个）。</translation>
    </message>
    <message>
        <location filename="../ui/import/importdialog.cpp" line="-355"/>
        <source>Import Sales CSV</source>
        <translation>导入销售 CSV</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The first rows of the file as they will be read. Each column&apos;s header shows the field it is imported as.</source>
        <translation>文件开头几行的读取结果。每列表头显示该列导入的字段。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Every rejected line: file:line: column: reason</source>
        <translation>所有被拒绝的行：文件:行号: 列: 原因</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading and checking the rows, then writing them to the project</source>
        <translation>正在读取并检查各行，然后写入项目</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import the whole file into the project. Nothing is changed unless every row is valid.</source>
        <translation>将整个文件导入项目。只有所有行都有效时才会写入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+425"/>
        <source>Close without importing</source>
        <translation>关闭且不导入</translation>
    </message>
    <message>
        <location line="-388"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose another CSV file</source>
        <translation>选择其他 CSV 文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The character between fields. Detect picks the one the header line uses most.</source>
        <translation>字段之间的分隔字符。“自动检测”会选择表头行中出现最多的那个。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point ( 33.99 )</source>
        <translation>小数点（33.99）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma ( 33,99 )</source>
        <translation>小数逗号（33,99）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the numbers write their fractions. Automatic: a point in comma-separated files; with semicolons or tabs, 33,99 and 33.99 alike (1.234,56 too). Comma: a point or a space groups thousands.</source>
        <translation>数字的小数写法。自动：逗号分隔的文件用小数点；分号或制表符分隔时，33,99 和 33.99 都可识别（1.234,56 也可以）。小数逗号：点或空格作千位分隔。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De&amp;cimal mark:</source>
        <translation>小数符号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reject the import</source>
        <translation>拒绝导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add them up</source>
        <translation>相加合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the last row</source>
        <translation>保留最后一行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to do with two rows for the same sku and date. Add them up: units and views are summed and the price is the units-weighted mean. Keep the last row: the later row wins, also over a row from an earlier import.</source>
        <translation>同一 sku 和日期出现两行时如何处理。相加合并：销量和浏览量相加，价格取按销量加权的平均值。保留最后一行：以后出现的行为准，也会覆盖之前导入的行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;uplicate rows:</source>
        <translation>重复行(&amp;U)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decide from the data</source>
        <translation>根据数据决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing sold (0 units)</source>
        <translation>没有销售（0 件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data (not used for fitting)</source>
        <translation>没有数据（不参与拟合）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a day (or week) a product&apos;s rows skip means. Nothing sold: a shop export that lists only days with sales. No data: a scanner panel that leaves out weeks it lacks; the models do not fit them. Decide from the data: no data for weekly files and for daily files that list 0-unit days, else nothing sold; a project keeps what its first import decided.</source>
        <translation>商品记录中缺失的日（或周）代表什么。没有销售：只列出有销售日期的店铺导出。没有数据：扫描面板略去缺少数据的周，模型不拟合这些时段。根据数据决定：周文件以及列出销量为 0 的日文件视为没有数据，其余视为没有销售；项目沿用首次导入时的决定。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Absent periods:</source>
        <translation>缺失时段(&amp;A)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Daily or weekly rows, guessed from the preview rows only. The import decides from every row.</source>
        <translation>按日还是按周，仅根据预览行推测；导入时会根据全部行判断。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Columns (* required)</source>
        <translation>列（* 为必填）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1
Required: choose the column that holds it.</source>
        <translation>%1
必填：请选择包含该字段的列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
Optional: (none) leaves it out.</source>
        <translation>%1
可选：选择“（无）”则不导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import sales CSV</source>
        <translation>导入销售 CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Detected: %1</source>
        <translation>检测到：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Using: %1</source>
        <translation>使用：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; %1 text, read as such</source>
        <translation>；%1 编码文本，已按此读取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; UTF-8 with byte-order mark</source>
        <translation>；带 BOM 的 UTF-8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; decimal comma ( 33,99 )</source>
        <translation>；小数逗号（33,99）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview: the first %1 rows</source>
        <translation>预览：前 %1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview: all %1 rows</source>
        <translation>预览：全部 %1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+90"/>
        <source>This file cannot be imported: %1</source>
        <translation>此文件无法导入：%1</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No column has a known name for %1; choose their columns above.</source>
        <translation>没有可识别为 %1 的列名，请在上方选择对应的列。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the columns above: %1.</source>
        <translation>请检查上方的列：%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown (no rows to look at)</source>
        <translation>未知（没有可查看的行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown until date and sku have their columns</source>
        <translation>需先为 date 和 sku 指定列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot tell from the first %1 rows (no product has two dates there); the import detects it from all rows</source>
        <translation>无法从前 %1 行判断（其中没有商品出现两个日期）；导入时将根据全部行检测</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (a guess from the first %2 rows; the import decides from all rows)</source>
        <translation>%1（根据前 %2 行推测；导入时根据全部行判断）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open or create a project first; the sales are imported into it.</source>
        <translation>请先打开或新建项目，销售数据将导入其中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a CSV file to import.</source>
        <translation>请选择要导入的 CSV 文件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a column for each required field (marked *); still missing: %1.</source>
        <translation>请为每个必填字段（标 *）选择列；仍缺少：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Column &apos;%1&apos; is chosen for both %2 and %3; choose one column per field.</source>
        <translation>列“%1”同时用于 %2 和 %3；每个字段请选择不同的列。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Another task is running on this project (%1); wait for it to finish or cancel it, then import again.</source>
        <translation>此项目上正在运行另一个任务（%1）；请等待其完成或将其取消后再导入。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+29"/>
        <source>Reading and checking rows...</source>
        <translation>正在读取并检查数据行...</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Writing to the project...</source>
        <translation>正在写入项目...</translation>
    </message>
    <message>
        <location line="-361"/>
        <source>Import cancelled; the project is unchanged.</source>
        <translation>导入已取消，项目未更改。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Import failed: %1; the project is unchanged.</source>
        <translation>导入失败：%1；项目未更改。</translation>
    </message>
    <message>
        <location line="+391"/>
        <source>Import failed: 1 problem; the project is unchanged. Fix the line below and import again.</source>
        <translation>导入失败：1 个问题，项目未更改。请修正下面这一行后重新导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import failed: %1 problems; the project is unchanged. Fix the lines below and import again.</source>
        <translation>导入失败：%1 个问题，项目未更改。请修正下面各行后重新导入。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stop the import; the project stays unchanged</source>
        <translation>停止导入，项目保持不变</translation>
    </message>
</context>
<context>
    <name>fp::ui::JobStatus</name>
    <message>
        <location filename="../ui/shell/jobstatus.cpp" line="+20"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop this job; nothing it was changing is kept</source>
        <translation>停止此任务，其所做的更改都不会保留</translation>
    </message>
</context>
<context>
    <name>fp::ui::LossChart</name>
    <message>
        <location filename="../ui/model/losschart.cpp" line="+57"/>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loss per period (negative log-likelihood) after each iteration: solid lines on the training periods, dashed lines on the validation periods</source>
        <translation>每次迭代后的单周期损失（负对数似然）：实线为训练期，虚线为验证期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the loss on a logarithmic axis, which makes the large early drop and the small late changes visible together</source>
        <translation>以对数坐标显示损失，前期的大幅下降和后期的细微变化都能看清</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1 training</source>
        <translation>%1 训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 validation</source>
        <translation>%1 验证</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>loss per period (NLL)</source>
        <translation>单周期损失 (NLL)</translation>
    </message>
</context>
<context>
    <name>fp::ui::MainWindow</name>
    <message>
        <location filename="../ui/shell/mainwindow.cpp" line="+66"/>
        <location line="+318"/>
        <source>FlashPlan</source>
        <translation>FlashPlan</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>规划</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Open a project, or drop a sales CSV here to start one.</source>
        <translation>打开一个项目，或将销售 CSV 拖到此处新建项目。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project...</source>
        <translation>新建项目(&amp;N)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty project file to import a sales history into</source>
        <translation>新建一个空项目文件，用于导入历史销售数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Project...</source>
        <translation>打开项目(&amp;O)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a .flashplan project file</source>
        <translation>打开 .flashplan 项目文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open one of the last projects you worked on</source>
        <translation>打开最近使用过的项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Demo Project</source>
        <translation>打开演示项目(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build a fresh demo project (150 products, two years, a trained model) to try FlashPlan on</source>
        <translation>新建一个演示项目（150 个商品、两年数据、已训练的模型）来试用 FlashPlan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Sales CSV...</source>
        <translation>导入销售 CSV(&amp;I)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a sales history CSV to the open project</source>
        <translation>将历史销售 CSV 导入当前项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close FlashPlan; running jobs stop and leave the project unchanged</source>
        <translation>关闭 FlashPlan；正在运行的任务将停止，项目保持不变</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train...</source>
        <translation>训练(&amp;T)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Train demand models on the project&apos;s history and score them on the held-out days</source>
        <translation>用项目的历史数据训练需求模型，并在回测期评分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Plan</source>
        <translation>规划(&amp;P)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommended &amp;Table (XLSX or CSV)...</source>
        <translation>推荐折扣表(&amp;T)（XLSX 或 CSV）...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recommended discount per product, as a spreadsheet or CSV</source>
        <translation>每个商品的推荐折扣，导出为电子表格或 CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forecast (CSV)...</source>
        <translation>销量预测(&amp;F)（CSV）...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected units per product and day of the sale at the planned discounts, with the 80% interval</source>
        <translation>按计划折扣，每个商品在活动每天的预计销量及 80% 区间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF &amp;Report...</source>
        <translation>PDF 报告(&amp;R)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The campaign&apos;s summary, totals, charts, table and model scores</source>
        <translation>活动概要、汇总、图表、明细表和模型评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chart as PNG...</source>
        <translation>图表导出为 PNG(&amp;C)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The planner&apos;s chart as an image (right-click any chart for the same)</source>
        <translation>将规划页的图表保存为图片（也可在任意图表上右键）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planner defaults, currency and units, light or dark theme, language</source>
        <translation>规划默认值、货币与单位、浅色或深色主题、语言</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How to import, train, plan and export, and what the numbers mean</source>
        <translation>如何导入、训练、规划和导出，以及各项数字的含义</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List every keyboard shortcut</source>
        <translation>列出所有键盘快捷键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About FlashPlan</source>
        <translation>关于 FlashPlan(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FlashPlan&apos;s version, the libraries it uses and its licence</source>
        <translation>FlashPlan 的版本、所用的库及许可证</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Stop the running job?</source>
        <translation>停止正在运行的任务？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is still running. Stop it? The project stays as it was before it started.</source>
        <translation>%1 仍在运行。要停止吗？项目将保持它开始之前的状态。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <location line="+28"/>
        <source>FlashPlan projects (*.flashplan)</source>
        <translation>FlashPlan 项目 (*.flashplan)</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+41"/>
        <source>Cannot create the project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Choose a .flashplan project file made by FlashPlan.</source>
        <translation>%1

请选择由 FlashPlan 创建的 .flashplan 项目文件。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New project for this import</source>
        <translation>为本次导入新建项目</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Building the demo project</source>
        <translation>正在生成演示项目</translation>
    </message>
    <message>
        <location line="-255"/>
        <source>Cannot build the demo</source>
        <translation>无法生成演示项目</translation>
    </message>
    <message>
        <location line="+269"/>
        <source>FlashPlan - %1</source>
        <translation>FlashPlan - %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>fp::ui::ModelName</name>
    <message>
        <location filename="../ui/settings/translation.cpp" line="+105"/>
        <source>baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>structured</source>
        <translation>结构化模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neural</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blend</source>
        <translation>混合模型</translation>
    </message>
</context>
<context>
    <name>fp::ui::NewProductDialog</name>
    <message>
        <location filename="../ui/planner/newproductdialog.cpp" line="+66"/>
        <source>Enter the new product&apos;s sku.</source>
        <translation>请输入新商品的 sku。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; already has a sales history: add it with Add Selected or the Add menu.</source>
        <translation>“%1”已有销售历史：请用“添加所选”或“添加”菜单添加。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is already in the campaign.</source>
        <translation>“%1”已在活动中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; was added earlier with other details; give it another sku.</source>
        <translation>“%1”此前已以其他信息添加过；请换一个 sku。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>like_sku &apos;%1&apos; is not a product the model knows; leave it empty to place the product among its category.</source>
        <translation>like_sku“%1”不是模型认识的商品；留空则按其类目安置该商品。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a category or a like_sku.</source>
        <translation>请选择类目或填写 like_sku。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the list price (a like_sku lends its own).</source>
        <translation>请输入标价（填写 like_sku 时可沿用其标价）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the like item&apos;s</source>
        <translation>沿用相似商品的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add New Product</source>
        <translation>添加新商品</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>optional: a product it sells like</source>
        <translation>可选：销售情况与之相似的商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast it from this product&apos;s demand, at its own price level; empty: from the products of its category nearest in price</source>
        <translation>按该商品的需求并在新商品自身的价位上预测；留空：按同类目中价位最接近的商品预测</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A product without sales history is forecast from products like it (its like item, else its category&apos;s) and flagged cold_start.</source>
        <translation>没有销售历史的商品按与之相似的商品（它的相似商品，否则为同类目商品）预测，并标记为 cold_start。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Like SKU</source>
        <translation>相似 SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
</context>
<context>
    <name>fp::ui::NumberText</name>
    <message>
        <location filename="../ui/settings/numbertext.cpp" line="+44"/>
        <source>product-weeks</source>
        <translation>商品周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>product-days</source>
        <translation>商品日</translation>
    </message>
</context>
<context>
    <name>fp::ui::PdfLayout</name>
    <message>
        <location filename="../ui/report/pdflayout.cpp" line="+133"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>fp::ui::PlanOverviewCharts</name>
    <message>
        <location filename="../ui/charts/planoverviewcharts.cpp" line="+46"/>
        <source>Expected revenue of the plan&apos;s largest products (as many as the chart has room to name), with their discounts</source>
        <translation>计划中销售额最大的商品（图中放得下几个就显示几个）的预计销售额及其折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each product&apos;s planned discount and expected sell-through: products in the top left sell out without deep discounts</source>
        <translation>每个商品的计划折扣与预计售罄率：左上角的商品无需大幅折扣即可售罄</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Expected revenue</source>
        <translation>预计销售额</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No products in the plan yet</source>
        <translation>计划中还没有商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top %1 by expected revenue (discount)</source>
        <translation>预计销售额前 %1（折扣）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Products with a stock</source>
        <translation>有库存限制的商品</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Planned discount</source>
        <translation>计划折扣</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sell-through vs discount</source>
        <translation>售罄率与折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell-through vs discount (no product has a stock)</source>
        <translation>售罄率与折扣（没有商品设置库存）</translation>
    </message>
</context>
<context>
    <name>fp::ui::PlanReport</name>
    <message>
        <location filename="../ui/report/planreport.cpp" line="+115"/>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenario: %1</source>
        <translation>方案：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created %1 by FlashPlan</source>
        <translation>由 FlashPlan 于 %1 生成</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Flash sale %1, %2</source>
        <translation>闪购 %1，%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 to %2 (%3)</source>
        <translation>%1 至 %2（%3）</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+230"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="-227"/>
        <location line="+228"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Blend: profit + %1 × revenue</source>
        <translation>综合：毛利 + %1 × 销售额</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>0 (optimal on the discount ladder)</source>
        <translation>0（在折扣档位上最优）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (the best plan is at most this much better)</source>
        <translation>%1（最优方案至多比本方案好这么多）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sale window</source>
        <translation>活动时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown budget</source>
        <translation>让利预算</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+154"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Margin floor</source>
        <translation>最低毛利率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount ladder step</source>
        <translation>折扣档位步长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demand model</source>
        <translation>需求模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimality gap</source>
        <translation>最优性差距</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no budget</source>
        <translation>无预算</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+192"/>
        <source>Expected units</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Expected revenue</source>
        <translation>预计销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected profit</source>
        <translation>预计毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incomplete: some unit costs unknown</source>
        <translation>不完整：部分单位成本未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown cost</source>
        <translation>让利成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget used</source>
        <translation>预算使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products at a limit</source>
        <translation>触及限制的商品</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sale and settings</source>
        <translation>活动与设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected totals</source>
        <translation>预计汇总</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>All held-out weeks</source>
        <translation>全部回测周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash-sale event weeks</source>
        <translation>闪购活动周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular weeks</source>
        <translation>平常周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All held-out days</source>
        <translation>全部回测日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash-sale event days</source>
        <translation>闪购活动日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular days</source>
        <translation>平日</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Held-out accuracy of the demand model</source>
        <translation>需求模型的回测准确度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No held-out scores were recorded for this model.</source>
        <translation>此模型没有回测评分记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model %1, scored on the end of the history that training did not see</source>
        <translation>模型 %1，在训练未使用的历史末段上评分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (from %1, %2 periods)</source>
        <translation>（自 %1 起，共 %2 个周期）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (from %1)</source>
        <translation>（自 %1 起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>. WAPE: total absolute error over total units (lower is better); bias: forecast over actual units, minus 1; an 80% interval should cover 80%.</source>
        <translation>。WAPE：绝对误差总和除以总销量（越低越好）；偏差：预测销量除以实际销量再减 1；80% 区间应覆盖 80% 的实际值。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WAPE</source>
        <translation>WAPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80% interval coverage</source>
        <translation>80% 区间覆盖率</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The naive baseline (recent weeks) has a WAPE of %1 on all held-out weeks.</source>
        <translation>朴素基线（近几周）在全部回测周上的 WAPE 为 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The naive baseline (same weekday in recent weeks) has a WAPE of %1 on all held-out days.</source>
        <translation>朴素基线（近几周同一星期几）在全部回测日上的 WAPE 为 %1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max discount</source>
        <translation>最高折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>min discount</source>
        <translation>最低折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Products (%1)</source>
        <translation>商品（%1）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sale price</source>
        <translation>活动价</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell-out risk</source>
        <translation>售罄风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limited by</source>
        <translation>限制因素</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
</context>
<context>
    <name>fp::ui::PlanStateText</name>
    <message>
        <location filename="../ui/settings/planstatetext.cpp" line="+17"/>
        <source>Not optimized yet</source>
        <translation>尚未优化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edited since Optimize</source>
        <translation>优化后已修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model or window changed: re-optimize</source>
        <translation>模型或活动时间已变：请重新优化</translation>
    </message>
</context>
<context>
    <name>fp::ui::PlanTableModel</name>
    <message>
        <location filename="../ui/planner/plantablemodel.cpp" line="+25"/>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max discount</source>
        <translation>最高折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>min discount</source>
        <translation>最低折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Allowed %1 to %2. Drag the slider or type a value; locked products keep their discount when you optimize again.</source>
        <translation>允许范围 %1 至 %2。拖动滑块或输入数值；重新优化时，已锁定商品的折扣保持不变。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deeper than any discount this category sold at (%1): the forecast extrapolates beyond the history.</source>
        <translation>超过该类目历史上出现过的最大折扣（%1）：此预测是在历史数据范围之外的外推。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lock: re-optimizing keeps this product&apos;s discount</source>
        <translation>锁定：重新优化时保留此商品的折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>80% of outcomes sell between these numbers of units</source>
        <translation>80% 的情况下销量落在此区间内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chance that demand reaches the stock</source>
        <translation>需求达到库存的概率</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Expected units sold in the sale window, capped by the stock</source>
        <translation>活动期间的预计销量（不超过库存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80% prediction interval of units sold</source>
        <translation>销量的 80% 预测区间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected units sold / stock</source>
        <translation>预计销量 / 库存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability that demand reaches the stock (sells out)</source>
        <translation>需求达到库存（售罄）的概率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What stops this product&apos;s discount from going further</source>
        <translation>阻止此商品继续加大折扣的因素</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Locked products keep their discount when you optimize again</source>
        <translation>重新优化时，已锁定商品保持原折扣</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off</source>
        <translation>降幅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sale price</source>
        <translation>活动价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sell-out</source>
        <translation>售罄概率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limited by</source>
        <translation>限制因素</translation>
    </message>
    <message>
        <location line="+113"/>
        <location line="+37"/>
        <source>(new) %1</source>
        <translation>（新）%1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>its like item %1</source>
        <translation>它的相似商品 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the products of its category nearest in price</source>
        <translation>同类目中价位最接近的商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New product without sales history (cold_start): forecast from %1, with a wider interval.</source>
        <translation>没有销售历史的新商品（cold_start）：按%1预测，区间更宽。</translation>
    </message>
</context>
<context>
    <name>fp::ui::PlanTableView</name>
    <message>
        <location filename="../ui/planner/plantableview.cpp" line="+59"/>
        <source>Drag a column title to move the column; right-click to hide or show columns</source>
        <translation>拖动列标题可移动该列；右键单击可隐藏或显示列</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drag a slider, or select a row and use Left/Right (Shift: 5 points) to change its discount</source>
        <translation>拖动滑块，或选中一行后用左/右方向键（按住 Shift：5 个百分点）调整折扣</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Show All Columns</source>
        <translation>显示全部列</translation>
    </message>
</context>
<context>
    <name>fp::ui::PlannerView</name>
    <message>
        <location filename="../ui/planner/plannerview.cpp" line="+114"/>
        <source>Campaign setup</source>
        <translation>活动设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenarios</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&lt;h3&gt;Nothing to plan yet&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Import a sales history (File &gt; Import Sales CSV) and train a model (Model &gt; Train); then plan a campaign here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;暂无可规划的内容&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;请先导入销售历史（文件 &gt; 导入销售 CSV）并训练模型（模型 &gt; 训练），然后在此规划活动。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot optimize</source>
        <translation>无法优化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

No file was changed.</source>
        <translation>%1

未更改任何文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Optimize</source>
        <translation>优化(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the discounts that maximize the goal within the limits, keeping locked products</source>
        <translation>在限制范围内寻找使目标最大化的折扣，已锁定商品保持不变</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+378"/>
        <source>Optimize</source>
        <translation>优化</translation>
    </message>
    <message>
        <location line="-375"/>
        <source>Find the discounts that maximize the goal within the limits, keeping locked products (Ctrl+R)</source>
        <translation>在限制范围内寻找使目标最大化的折扣，已锁定商品保持不变（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo the last change to the plan or the campaign</source>
        <translation>撤销对计划或活动的上一次更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo the change you undid last</source>
        <translation>重做上一次撤销的更改</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the campaign setup and the scenarios (the plan table gets their width)</source>
        <translation>显示或隐藏活动设置和方案（隐藏后计划表可占用其宽度）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Selected product</source>
        <translation>所选商品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign overview</source>
        <translation>活动概览</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>&lt;h3&gt;No project open&lt;/h3&gt;&lt;p&gt;Open a project or the demo (File menu) to plan a flash sale.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;未打开项目&lt;/h3&gt;&lt;p&gt;请打开一个项目或演示项目（文件菜单）来规划闪购。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loading the sales history and the model...</source>
        <translation>正在加载历史销售数据和模型...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading the planner</source>
        <translation>正在加载规划器</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n product(s) of the plan are not in the trained model and were left out; train the model again to include them.</source>
        <translation>
            <numerusform>计划中有 %n 个商品不在已训练的模型中，已略过；请重新训练模型以纳入这些商品。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the saved plan could not be read: %1</source>
        <translation>无法读取已保存的计划：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the model changed: revenue %1 → %2, profit %3 → %4</source>
        <translation>模型已更新：销售额 %1 → %2，毛利 %3 → %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The plan was evaluated again with the new model: %1</source>
        <translation>已用新模型重新评估计划：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, within %2 of the best possible</source>
        <translation>%1，与最佳可能结果相差不超过 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The plan is not saved</source>
        <translation>计划未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The working plan could not be written to the project:
%1

Close the project anyway and lose the changes since it was last saved?</source>
        <translation>无法将当前计划写入项目：
%1

仍要关闭项目并丢失自上次保存以来的更改吗？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select a product to see its revenue and profit curves</source>
        <translation>选择一个商品以查看其销售额和毛利曲线</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 %2: revenue and profit vs discount (stock %3)</source>
        <translation>%1 %2：销售额和毛利随折扣的变化（库存 %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing to optimize</source>
        <translation>没有可优化的商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add products to the campaign first: Add Selected, Add &gt; Top Products by Revenue, or Load CSV.</source>
        <translation>请先向活动添加商品：添加所选、添加 &gt; 销售额排名靠前的商品，或载入 CSV。</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Optimizing %n product(s)</source>
        <translation>
            <numerusform>正在优化 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>even the smallest discounts exceed the budget; the plan uses them</source>
        <translation>即使最小折扣也超出预算；计划采用最小折扣</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a campaign first: add products and optimize.</source>
        <translation>请先规划活动：添加商品并优化。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Exporting the recommended table</source>
        <translation>正在导出推荐折扣表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporting the forecast</source>
        <translation>正在导出销量预测</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Flash sale %1, %n day(s)</source>
        <translation>
            <numerusform>闪购 %1，共 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Revenue by product</source>
        <translation>各商品销售额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sell-through and discount</source>
        <translation>售罄率与折扣</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing the PDF report</source>
        <translation>正在生成 PDF 报告</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export recommended discounts</source>
        <translation>导出推荐折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export forecast</source>
        <translation>导出销量预测</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export PDF report</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving the chart</source>
        <translation>正在保存图表</translation>
    </message>
</context>
<context>
    <name>fp::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/settings/preferencesdialog.cpp" line="+59"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save these preferences and close</source>
        <translation>保存设置并关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without saving any change</source>
        <translation>关闭且不保存任何更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the default of every preference here; they are saved when you press OK</source>
        <translation>在此显示每项设置的默认值；按“确定”后才会保存</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Planner defaults</source>
        <translation>规划默认值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The smallest discount the planner may recommend for a product of a new campaign (a campaign file&apos;s min_discount overrides it)</source>
        <translation>新活动中规划器可为商品推荐的最低折扣（活动文件中的 min_discount 优先）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The deepest discount the planner may recommend for a product of a new campaign (a campaign file&apos;s max_discount overrides it)</source>
        <translation>新活动中规划器可为商品推荐的最大折扣（活动文件中的 max_discount 优先）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The planner tries every discount from the lowest to the deepest in steps of this size: smaller steps are finer but slower</source>
        <translation>规划器按此步长从最低折扣一直尝试到最大折扣：步长越小越精细，但越慢</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blend of profit and revenue</source>
        <translation>毛利与销售额综合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the planner maximizes: revenue (sale price x units), profit ((sale price - unit cost) x units) or a blend of the two</source>
        <translation>规划器要最大化的目标：销售额（活动价 × 件数）、毛利（(活动价 − 单位成本) × 件数）或两者综合</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For the blend objective: profit + weight x revenue. 0 is pure profit; a larger weight favours revenue</source>
        <translation>用于综合目标：毛利 + 权重 × 销售额。0 表示只看毛利；权重越大越偏重销售额</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lowest discount:</source>
        <translation>最低折扣(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Deepest discount:</source>
        <translation>最大折扣(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount &amp;step:</source>
        <translation>折扣步长(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Objective:</source>
        <translation>目标(&amp;O)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue &amp;weight:</source>
        <translation>销售额权重(&amp;W)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The symbol shown with amounts; leave it empty for none. The default comes from your system&apos;s locale</source>
        <translation>金额旁显示的符号；留空则不显示。默认值取自系统的区域设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The word for quantities in tables and charts, such as units, pcs or pairs</source>
        <translation>表格和图表中数量的单位，例如 件、个 或 双</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light or dark windows and charts; System follows your desktop</source>
        <translation>窗口和图表使用浅色或深色；“跟随系统”与桌面设置一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Currency symbol:</source>
        <translation>货币符号(&amp;C)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Units label:</source>
        <translation>数量单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The language of the window; System follows your desktop&apos;s locale. A change applies the next time FlashPlan starts</source>
        <translation>界面语言；“跟随系统”使用桌面的区域设置。更改在下次启动 FlashPlan 时生效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies when FlashPlan next starts.</source>
        <translation>下次启动 FlashPlan 时生效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>L&amp;anguage:</source>
        <translation>语言(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>fp::ui::ProblemText</name>
    <message>
        <location filename="../ui/settings/problemtext.cpp" line="+21"/>
        <source>cannot open the file for reading</source>
        <translation>无法打开文件进行读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is a folder; choose a CSV file</source>
        <translation>这是一个文件夹；请选择 CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is empty; expected a header line such as &apos;date,sku,units,price&apos;</source>
        <translation>文件是空的；第一行应是表头，例如 “date,sku,units,price”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file has a header but no data rows</source>
        <translation>文件只有表头，没有数据行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a record is longer than %1 MB; is this a CSV file with line breaks?</source>
        <translation>有一条记录超过 %1 MB；这真的是按行分隔的 CSV 文件吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file contains binary data (NUL bytes); it is not a text CSV file</source>
        <translation>文件含有二进制数据（空字节），不是文本格式的 CSV 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a quoted field starting on this line is never closed</source>
        <translation>从这一行开始的带引号字段缺少结束引号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unexpected character after a closing quote</source>
        <translation>结束引号后出现了多余的字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>required column &apos;%1&apos; is missing (accepted names: %2)</source>
        <translation>缺少必需的列 “%1”（可用的列名：%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>required column &apos;%1&apos; is missing</source>
        <translation>缺少必需的列 “%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>columns %1 and %2 both give &apos;%3&apos;; remove or rename one of them</source>
        <translation>第 %1 列和第 %2 列都对应 “%3”；请删除其中一列或给它改名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no column is mapped to the required field &apos;%1&apos;</source>
        <translation>必需字段 “%1” 没有选择对应的列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>field &apos;%1&apos; is mapped to column %2 but the header has only %3 columns</source>
        <translation>字段 “%1” 对应第 %2 列，但表头只有 %3 列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected %1 fields (as in the header), found %2</source>
        <translation>应有 %1 个字段（与表头一致），实际有 %2 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected %1 fields, found %2</source>
        <translation>应有 %1 个字段，实际有 %2 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date is not a valid YYYY-MM-DD date: &apos;%1&apos;</source>
        <translation>日期不是有效的 YYYY-MM-DD 格式：“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date is not a valid YYYY-MM-DD date</source>
        <translation>日期不是有效的 YYYY-MM-DD 格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sku is empty</source>
        <translation>sku 为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a number: &apos;%2&apos;</source>
        <translation>%1 不是数字：“%2”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be &gt; %2, got &apos;%3&apos;</source>
        <translation>%1 必须大于 %2，实际为 “%3”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be &gt;= %2, got &apos;%3&apos;</source>
        <translation>%1 必须大于或等于 %2，实际为 “%3”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be &lt;= %2, got &apos;%3&apos;</source>
        <translation>%1 必须小于或等于 %2，实际为 “%3”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be &gt;= %2</source>
        <translation>%1 必须大于或等于 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a number &gt; %2</source>
        <translation>%1 必须是大于 %2 的数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a number &gt;= %2</source>
        <translation>%1 必须是大于或等于 %2 的数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a second row for sku &apos;%1&apos; on %2 (to combine such rows choose the duplicate policy sum or last: --on-duplicate in flashplan-cli, Duplicate rows in the import dialog)</source>
        <translation>sku “%1” 在 %2 出现了第二行（如需合并这类行，请在导入对话框的“重复行”中选择“相加合并”或“保留最后一行”；命令行 flashplan-cli 用 --on-duplicate）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this sku and date are already in the project from an earlier import (to replace them choose the duplicate policy last: --on-duplicate in flashplan-cli, Duplicate rows in the import dialog)</source>
        <translation>这个 sku 和日期已由之前的导入存入项目（如需替换，请在导入对话框的“重复行”中选择“保留最后一行”；命令行 flashplan-cli 用 --on-duplicate）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not store the row: %1</source>
        <translation>无法保存这一行：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project holds weekly data but this file has daily dates; import weekly rows (dates 7 days apart) or use a new project</source>
        <translation>项目中是按周的数据，但此文件的日期是按日的；请导入按周的行（日期相隔 7 天），或新建一个项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the dates of sku &apos;%1&apos; span %2 years, from %3 (line %4) to %5 (line %6), with periods missing between them: more than the 20 years an import fills; check those dates (a mistyped year?)</source>
        <translation>商品“%1”的日期跨越 %2 年，从 %3（第 %4 行）到 %5（第 %6 行），其间有缺失的周期：超过了导入时填补缺失周期的 20 年上限；请检查这些日期（年份输错了？）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the dates of sku &apos;%1&apos; in the file, %2 (line %3) to %4 (line %5), and its sales in the project, %6 to %7, span %8 years with periods missing between them: more than the 20 years an import fills; check those dates (a mistyped year?)</source>
        <translation>商品“%1”在文件中的日期 %2（第 %3 行）到 %4（第 %5 行），加上项目中它的销售 %6 到 %7，共跨越 %8 年，其间有缺失的周期：超过了导入时填补缺失周期的 20 年上限；请检查这些日期（年份输错了？）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file&apos;s dates span %1 years, from %2 (sku &apos;%3&apos;, line %4) to %5 (sku &apos;%6&apos;, line %7): more than the 20 years a project holds; check those dates (a mistyped year?)</source>
        <translation>文件中的日期跨越 %1 年，从 %2（商品“%3”，第 %4 行）到 %5（商品“%6”，第 %7 行）：超过了一个项目可容纳的 20 年；请检查这些日期（年份输错了？）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the date %1 (sku &apos;%2&apos;, line %3) is far from the project&apos;s sales (%4 to %5): together they would span %6 years, more than the 20 years a project holds; check that date (a mistyped year?)</source>
        <translation>日期 %1（商品“%2”，第 %3 行）与项目中的销售（%4 到 %5）相距甚远：合起来将跨越 %6 年，超过了一个项目可容纳的 20 年；请检查该日期（年份输错了？）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>filling the periods missing inside the products&apos; date ranges would store %1 rows, more than 100 times the file&apos;s %2 rows; sku &apos;%3&apos; alone runs from %4 (line %5) to %6 (line %7) with %8 rows: check those dates</source>
        <translation>填补各商品日期范围内缺失的周期将写入 %1 行，超过文件 %2 行的 100 倍；仅商品“%3”就从 %4（第 %5 行）延续到 %6（第 %7 行），却只有 %8 行：请检查这些日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dates are 7 days apart, but the project holds daily data: rows are imported as days and the days between are 0 units</source>
        <translation>日期相隔 7 天，但项目中是按日的数据：这些行按日导入，其间的日子记为销量 0</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sku &apos;%1&apos; is not in the project&apos;s sales history</source>
        <translation>sku “%1” 不在项目的销售历史中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sku &apos;%1&apos; is not in the project</source>
        <translation>sku “%1” 不在项目中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sku &apos;%1&apos; is not in the synthetic market</source>
        <translation>sku “%1” 不在合成市场中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sku &apos;%1&apos; is listed twice</source>
        <translation>sku “%1” 列出了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list_price must be &gt; 0 (the history has no regular price for &apos;%1&apos;)</source>
        <translation>list_price 必须大于 0（历史数据中没有 “%1” 的常规价）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>discounts are fractions from 0 to 1 (0.35 = 35% off)</source>
        <translation>折扣是 0 到 1 之间的小数（0.35 表示降价 35%，即 6.5 折）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>min_discount is above max_discount</source>
        <translation>min_discount 大于 max_discount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the campaign lists no products</source>
        <translation>活动文件中没有任何商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sku &apos;%1&apos; has no sales history and nothing to forecast it from (a category with sales history, or a like_sku the model knows): skipped, the rest goes on</source>
        <translation>sku “%1” 没有销售历史，也没有可据以预测的依据（有销售历史的品类，或模型认识的 like_sku）：已跳过，其余照常进行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sku &apos;%1&apos; has no sales history and no list_price (nor a like_sku to take one from): skipped, the rest goes on</source>
        <translation>sku “%1” 没有销售历史，也没有 list_price（也没有可借用其价格的 like_sku）：已跳过，其余照常进行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>like_sku &apos;%2&apos; of the new product &apos;%1&apos; is not a product the model knows; ignored</source>
        <translation>新商品“%1”的 like_sku “%2” 不是模型认识的商品；已忽略</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no product of the campaign can be planned: none has a sales history or peers to forecast it from</source>
        <translation>活动中没有可规划的商品：没有一个商品有销售历史或可据以预测的同类商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no product of the prices file can be forecast: none has a sales history or peers to forecast it from</source>
        <translation>价格文件中没有可预测的商品：没有一个商品有销售历史或可据以预测的同类商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sale starts on %1, inside the sales history (%2 to %3): the plan forecasts days that have already passed; planned anyway</source>
        <translation>促销开始于 %1，位于销售历史之内（%2 至 %3）：计划预测的是已经过去的日子；仍已规划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sale starts on %1, %2 days after the sales history ends (%3): the forecast reaches far past what the model saw; planned anyway</source>
        <translation>促销开始于 %1，在销售历史结束（%3）之后 %2 天：预测远超模型见过的范围；仍已规划</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sales were imported after the model was trained (model %1, latest import %2): plans and forecasts read the history as the model was trained on it; train again to use them</source>
        <translation>模型训练之后又导入了销售数据（模型 %1，最近导入 %2）：计划和预测仍按模型训练时的历史读取；重新训练即可使用这些数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the sales history is weekly: the sale of %1 day(s) from %2 is planned as the %3 week(s) its days fall in (%4 to %5), as a week-long promotion sold; its expected units are those weeks&apos;</source>
        <translation>销售历史按周记录：从 %2 起为期 %1 天的促销按其所在的 %3 周（%4 至 %5）规划，与按周进行的促销销量相当；预期销量为这些周的销量</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: no such project file</source>
        <translation>%1：项目文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is a project FlashPlan cannot write to (a read-only file or folder); FlashPlan keeps your plan in the project as you work, so copy it to a folder you can write to</source>
        <translation>%1 是 FlashPlan 无法写入的项目（文件或文件夹为只读）；FlashPlan 在您工作时会把计划保存到项目中，请把它复制到可写的文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is an SQLite database but not a FlashPlan project</source>
        <translation>%1 是 SQLite 数据库，但不是 FlashPlan 项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is being written by another program (another FlashPlan importing or training?); try again when it has finished</source>
        <translation>%1 正在被另一个程序写入（另一个 FlashPlan 正在导入或训练？）；请在其完成后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is being written by another program (%2, pid %3); try again when it has finished</source>
        <translation>%1 正在被另一个程序写入（%2，进程号 %3）；请在其完成后重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is empty: it holds no FlashPlan project (an import of sales makes one); it was left as it is</source>
        <translation>%1 是空文件：其中没有 FlashPlan 项目（导入销售数据即可创建）；文件未被改动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the project&apos;s setting %1 is damaged (&apos;%2&apos;); open a copy from before the damage, or import the sales into a new project</source>
        <translation>项目设置 %1 已损坏（“%2”）；请打开损坏之前的副本，或将销售数据导入新项目</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>%1: not a FlashPlan project (%2)</source>
        <translation>%1：不是 FlashPlan 项目（%2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 was written by a newer FlashPlan (schema version %2, this build knows %3); open it with that version</source>
        <translation>%1 由较新版本的 FlashPlan 写入（数据结构版本 %2，本版本最高支持 %3）；请用那个版本打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (it was made by an older FlashPlan and must be upgraded, which needs write access to it)</source>
        <translation>%1（该项目由旧版 FlashPlan 创建，需要先升级，而升级需要对它有写入权限）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no FlashPlan schema this version can read</source>
        <translation>%1 中没有本版本能读取的 FlashPlan 数据结构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>%1</source>
        <comment>a database error: SQLite&apos;s own words</comment>
        <translation>数据库出错：%1</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>%1 holds no sales yet; import a sales CSV first</source>
        <translation>%1 中还没有销售数据；请先导入销售 CSV</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>no list_price for %1 product(s): their regular price was estimated from their own prices (the most common of their high prices, or, where a category&apos;s prices hold from one period to the next, each period&apos;s from the highest prices around it), and discount depth is measured from it</source>
        <translation>%1 个商品没有 list_price：其常规价由自身价格估算（取较高价格中最常见的一个；若某品类的价格在相邻周期间保持不变，则每个周期取其前后的最高价格），折扣深度以此为基准计算</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 has no product with id %2</source>
        <translation>%1 中没有编号为 %2 的商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has no trained model; run flashplan-cli train (or Train in the window) first</source>
        <translation>%1 中还没有训练好的模型；请先在窗口中点击“训练”（或运行 flashplan-cli train）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown model &apos;%1&apos; (auto, baseline, structured, neural)</source>
        <translation>未知的模型 “%1”（可选：自动、基线、结构化模型、神经网络）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too little history to train: %1 periods, but the held-out tail alone is %2; import more history or use a shorter --holdout-days</source>
        <translation>历史数据太少，无法训练：共 %1 个周期，而留作回测的末段就有 %2 个；请导入更多历史数据，或缩短 --holdout-days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the model was trained before product &apos;%1&apos; was imported; train again</source>
        <translation>模型是在商品 “%1” 导入之前训练的；请重新训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the model does not know this product; train it again</source>
        <translation>模型中没有这个商品；请重新训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>product &apos;%1&apos; has no sales history</source>
        <translation>商品 “%1” 没有销售历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the stored model comes from another FlashPlan version; train again</source>
        <translation>已保存的模型来自另一个版本的 FlashPlan；请重新训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the stored model is of an unknown kind &apos;%1&apos;</source>
        <translation>已保存的模型类型未知：“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored %1 model has an unknown format; train it again</source>
        <translation>已保存的 %1 模型格式无法识别；请重新训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stored %1 model is corrupt; train it again</source>
        <translation>已保存的 %1 模型已损坏；请重新训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored model is truncated or corrupt</source>
        <translation>已保存的模型不完整或已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored noise model is corrupt; train again</source>
        <translation>已保存的噪声模型已损坏；请重新训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored model is not a neural demand model</source>
        <translation>已保存的模型不是神经网络需求模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stored neural model has format version %1; this FlashPlan reads version %2</source>
        <translation>已保存的神经网络模型格式版本为 %1；此版本的 FlashPlan 只能读取版本 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stored neural model uses %1 input features, this FlashPlan %2; train the model again</source>
        <translation>已保存的神经网络模型使用 %1 个输入特征，此版本的 FlashPlan 使用 %2 个；请重新训练模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stored neural model is corrupt</source>
        <translation>已保存的神经网络模型已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a scenario needs a name</source>
        <translation>方案需要一个名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a scenario name may have up to %1 characters; this one has %2</source>
        <translation>方案名称最多 %1 个字符；这个名称有 %2 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is already a scenario named &apos;%1&apos;; choose another name or delete that scenario first</source>
        <translation>已有名为 “%1” 的方案；请换一个名称，或先删除那个方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scenario &apos;%1&apos; has a damaged setting: &apos;%2&apos;</source>
        <translation>方案 “%1” 有一项设置已损坏：“%2”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the scenario&apos;s sale window must last at least one day</source>
        <translation>方案的活动时间至少要有一天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the scenario names a product the project does not hold</source>
        <translation>方案中有一个商品不在项目中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>product &apos;%1&apos; is in the scenario twice</source>
        <translation>商品 “%1” 在方案中出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the discounts of &apos;%1&apos; must be fractions from 0 to 1 (0.35 = 35% off)</source>
        <translation>“%1” 的折扣必须是 0 到 1 之间的小数（0.35 表示降价 35%，即 6.5 折）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>scenario #%1 is not in this project; it may have been deleted</source>
        <translation>方案 #%1 不在此项目中；可能已被删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is no longer in the project&apos;s sales history; left out</source>
        <translation>“%1” 已不在项目的销售历史中；已略去</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; is a new product (no sales history) that cannot be placed among its peers now; left out</source>
        <translation>“%1” 是新商品（无销售历史），现在无法在同类商品中定位；已略去</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; had no saved discount; set to its lowest</source>
        <translation>“%1” 没有保存折扣；已设为其最低折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this project has no scenario named &apos;%1&apos;</source>
        <translation>此项目中没有名为“%1”的方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;%1&apos; sold after the model was trained and the plan holds no description of it as a new product; left out (train again to review it)</source>
        <translation>“%1” 在模型训练之后才有销售，且计划中没有它作为新商品的描述；已略去（重新训练后即可复盘）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the project holds no sales of the plan&apos;s products from %1 to %2; import the sale&apos;s sales first</source>
        <translation>项目中没有计划商品在 %1 至 %2 的销售记录；请先导入这次促销的销售数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;%1&apos; has no sales from %2 to %3; left out of the review</source>
        <translation>“%1” 在 %2 至 %3 没有销售记录；已从复盘中略去</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the history features none of the products of %1 in a flash-sale event, so the sale&apos;s window is unknown; save the plan as a scenario with its window</source>
        <translation>历史中 %1 的商品都未参加过闪购活动，因此无法确定这次促销的时间窗口；请将计划连同其时间窗口保存为方案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write %1: %2; check that the folder exists, is writable and has free space</source>
        <translation>无法写入 %1：%2；请检查文件夹是否存在、是否可写、是否还有剩余空间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot create folder %1: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write a temporary sort file (is the temporary directory full?)</source>
        <translation>无法写入排序用的临时文件（临时目录是否已满？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read back a temporary sort file</source>
        <translation>无法读回排序用的临时文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1</source>
        <comment>an internal error: a programmer&apos;s detail, in English</comment>
        <translation>内部错误：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>line %1: </source>
        <translation>第 %1 行：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1:%2: </source>
        <translation>%1:%2：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: </source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column %1: </source>
        <translation>第 %1 列：</translation>
    </message>
</context>
<context>
    <name>fp::ui::ProductHistoryChart</name>
    <message>
        <location filename="../ui/products/producthistorychart.cpp" line="+152"/>
        <source>Units per day</source>
        <translation>每日销量</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+103"/>
        <source>Event days</source>
        <translation>活动日</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Units sold</source>
        <translation>销量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price charged</source>
        <translation>成交价</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regular price</source>
        <translation>常规价</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sold out</source>
        <translation>售罄</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Show the whole history again (Home)</source>
        <translation>重新显示全部历史（Home）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has no sales recorded.</source>
        <translation>%1 没有销售记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot show %1: %2</source>
        <translation>无法显示 %1：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a product in the list to see its sales history.</source>
        <translation>在列表中选择一个商品以查看其销售历史。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Units per week</source>
        <translation>每周销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event weeks</source>
        <translation>活动周</translation>
    </message>
</context>
<context>
    <name>fp::ui::ProductsTableModel</name>
    <message>
        <location filename="../ui/products/productstablemodel.cpp" line="+207"/>
        <source>Computing the statistics of every product…</source>
        <translation>正在计算所有商品的统计数据…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean over %1 discounted weeks</source>
        <translation>%1 个折扣周的平均值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean over %1 discounted days</source>
        <translation>%1 个折扣日的平均值</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days with a sales record; days absent from the files (filled in as 0 units, or unknown) are not counted</source>
        <translation>有销售记录的天数；文件中缺失的日期（按 0 件补齐或视为未知）不计入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Avg discount</source>
        <translation>平均折扣</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Sold-out days</source>
        <translation>售罄天数</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+17"/>
        <source>Last event</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Weeks</source>
        <translation>周数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weeks with a sales record; weeks absent from the files (filled in as 0 units, or unknown) are not counted</source>
        <translation>有销售记录的周数；文件中缺失的周（按 0 件补齐或视为未知）不计入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mean discount off the regular price in the weeks sold at least 1% below it</source>
        <translation>在售价至少低于常规价 1% 的周内，相对常规价的平均折扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sold-out weeks</source>
        <translation>售罄周数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weeks the product sold out (units sold reached the stock): demand was higher than the units show</source>
        <translation>商品售罄的周数（销量达到库存）：实际需求高于销量所示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First day of the last week the product was featured in a flash-sale event</source>
        <translation>商品最近一次参加限时促销活动那一周的第一天</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Units sold over the whole history</source>
        <translation>全部历史的总销量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units sold times the price charged, over the whole history</source>
        <translation>全部历史的销量 × 成交价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean discount off the regular price on the days sold at least 1% below it</source>
        <translation>在成交价低于常规价至少 1% 的日子里，相对常规价的平均折扣</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days the product sold out (units sold reached the stock): demand was higher than the units show</source>
        <translation>商品售罄的天数（销量达到库存）：实际需求高于显示的销量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last day the product was featured in a flash-sale event</source>
        <translation>商品最近一次参加闪购活动的日期</translation>
    </message>
</context>
<context>
    <name>fp::ui::ProductsView</name>
    <message>
        <location filename="../ui/products/productsview.cpp" line="+29"/>
        <source>Filter by SKU or name</source>
        <translation>按 SKU 或名称筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the products whose SKU or name contains this text</source>
        <translation>显示 SKU 或名称包含此文字的商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows the products of one category</source>
        <translation>显示某一类目的商品</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category:</source>
        <translation>类目：</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot compute the product statistics: %1</source>
        <translation>无法计算商品统计数据：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statistics cancelled; reopen the project to compute them.</source>
        <translation>统计已取消；重新打开项目即可重新计算。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot read the products: %1</source>
        <translation>无法读取商品：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Computing product statistics</source>
        <translation>正在计算商品统计数据</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>1 product</source>
        <translation>1 个商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 products</source>
        <translation>%1 个商品</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 products</source>
        <translation>%1 / %2 个商品</translation>
    </message>
</context>
<context>
    <name>fp::ui::ReviewDayChart</name>
    <message>
        <location filename="../ui/review/reviewdaychart.cpp" line="+27"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select a product to see its sale by day</source>
        <translation>选择一个商品以查看其逐日销售</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Units per week</source>
        <translation>每周销量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Units per day</source>
        <translation>每日销量</translation>
    </message>
</context>
<context>
    <name>fp::ui::ReviewReport</name>
    <message>
        <location filename="../ui/report/reviewreport.cpp" line="+35"/>
        <source>Review of the sale: %1</source>
        <translation>促销复盘：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2: %3 products reviewed against the imported sales.</source>
        <translation>%1 至 %2：%3 个商品与导入的销售数据对比复盘。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown: some unit costs unknown</source>
        <translation>未知：部分单位成本未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned (expected)</source>
        <translation>计划（预计）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>At the charged prices</source>
        <translation>按实际售价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 units, %2</source>
        <translation>%1 件，%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Within the 80% interval</source>
        <translation>落在 80% 区间内</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 (hit rate %3)</source>
        <translation>%2 个中 %1 个（命中率 %3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sold out</source>
        <translation>售罄</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Largest misses in revenue</source>
        <translation>销售额偏差最大的商品</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charged</source>
        <translation>实际折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected units</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+43"/>
        <source>Actual units</source>
        <translation>实际销量</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Expected revenue</source>
        <translation>预计销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual revenue</source>
        <translation>实际销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backtest of the model on past events</source>
        <translation>模型在过往活动上的回测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 model, refitted on the history before each event, forecast it at the prices and stock it had: %2 of %3 %5 inside their 80% interval (hit rate %4; about 80% when the intervals are honest).</source>
        <translation>%1 模型在每次活动之前的历史上重新拟合，并按活动当时的价格和库存进行预测：%3 个%5中 %2 个落在 80% 区间内（命中率 %4；区间可信时约为 80%）。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Calibration (%2 in each tenth of the PIT, flat when honest): %1</source>
        <translation>校准（PIT 每个十分位中的%2数，区间可信时大致均匀）：%1</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Event totals: %1 of %2 inside their 80% interval (event hit rate %3).</source>
        <translation>活动总量：%2 次活动中有 %1 次落在 80% 区间内（活动命中率 %3）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast units</source>
        <translation>预测销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hit rate</source>
        <translation>命中率</translation>
    </message>
</context>
<context>
    <name>fp::ui::ReviewTab</name>
    <message>
        <location filename="../ui/review/reviewtab.cpp" line="+20"/>
        <source>Sale vs Plan</source>
        <translation>促销与计划对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backtest</source>
        <translation>回测</translation>
    </message>
</context>
<context>
    <name>fp::ui::ReviewTableModel</name>
    <message>
        <location filename="../ui/review/reviewtablemodel.cpp" line="+37"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The discount the plan set</source>
        <translation>计划设定的折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charged</source>
        <translation>实际折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The discount the sale actually charged: 1 - revenue / (units x list price)</source>
        <translation>促销实际给出的折扣：1 - 销售额 / (销量 × 标价)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected units</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units the plan expected to sell in the window, capped by the stock</source>
        <translation>计划预计在促销期内售出的件数，以库存为上限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>80% prediction interval of units sold</source>
        <translation>销量的 80% 预测区间</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Actual units</source>
        <translation>实际销量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In interval</source>
        <translation>在区间内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the actual units fell inside the 80% interval</source>
        <translation>实际销量是否落在 80% 区间内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold out</source>
        <translation>售罄</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The first day the product sold out</source>
        <translation>商品首次售罄的日期</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Expected revenue</source>
        <translation>预计销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual revenue</source>
        <translation>实际销售额</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Missed</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual minus expected revenue; sorted by its size, largest misses first</source>
        <translation>实际销售额减去预计销售额；按其大小排序，偏差最大的在前</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected profit</source>
        <translation>预计毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual profit</source>
        <translation>实际毛利</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At charged price</source>
        <translation>按实际价预计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units the model expects at the discount actually charged: actual minus this is the forecast&apos;s error, this minus expected the execution&apos;s gap</source>
        <translation>模型在实际折扣下预计的销量：实际减去它是预测误差，它减去预计是执行偏差</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Charged other than planned: at the charged discount the model expects %1 units and %2 revenue</source>
        <translation>实际折扣与计划不同：在实际折扣下模型预计销量 %1 件、销售额 %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>fp::ui::ReviewTotalsView</name>
    <message>
        <location filename="../ui/review/reviewtotalsview.cpp" line="+45"/>
        <source>Planned (expected)</source>
        <translation>计划（预计）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At the charged prices</source>
        <translation>按实际售价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual - planned</source>
        <translation>实际 - 计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>What the model expects at the discounts actually charged: the gap to the plan is the execution&apos;s, the gap to the actual the forecast&apos;s</source>
        <translation>模型在实际折扣下的预计：与计划之差是执行偏差，与实际之差是预测误差</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Within the 80% interval: %1 of %2 products (hit rate %3; about 80% when the intervals are honest). Sold out: %4.</source>
        <translation>落在 80% 区间内：%2 个商品中 %1 个（命中率 %3；区间可信时约为 80%）。售罄：%4 个。</translation>
    </message>
</context>
<context>
    <name>fp::ui::ReviewView</name>
    <message>
        <location filename="../ui/review/reviewview.cpp" line="+40"/>
        <source>A saved scenario whose sale has happened: its window&apos;s sales must be imported</source>
        <translation>一个已经执行过促销的已保存方案：其时间窗口的销售数据须已导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommended Table...</source>
        <translation>推荐折扣表...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review an exported recommended table (CSV); its window is the latest flash-sale event of its products</source>
        <translation>复盘一个导出的推荐折扣表（CSV）；其时间窗口取其商品最近一次闪购活动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review Table (XLSX or CSV)...</source>
        <translation>复盘表（XLSX 或 CSV）...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chart as PNG...</source>
        <translation>图表另存为 PNG...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan:</source>
        <translation>计划：</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Cannot review %1: %2</source>
        <translation>无法复盘 %1：%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a saved scenario, or a recommended table, whose sale has happened and whose sales are imported: the review compares the plan with what sold.</source>
        <translation>选择一个促销已执行且销售数据已导入的已保存方案或推荐折扣表：复盘将计划与实际销售进行对比。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a project to review a sale.</source>
        <translation>打开项目以复盘促销。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(choose a saved scenario)</source>
        <translation>（选择已保存的方案）</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 (%2, %n day(s))</source>
        <translation>
            <numerusform>%1（%2，%n 天）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the scenarios: %1</source>
        <translation>无法读取方案：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Review a recommended table</source>
        <translation>复盘推荐折扣表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reviewing %1...</source>
        <translation>正在复盘 %1...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewing %1</source>
        <translation>正在复盘 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%1: the sale of %2 to %3, %n product(s) reviewed.</source>
        <translation>
            <numerusform>%1：%2 至 %3 的促销，已复盘 %n 个商品。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A recommended table does not say when its sale ran: the window is its products&apos; latest flash-sale event.</source>
        <translation>推荐折扣表不含促销日期：时间窗口取其商品最近一次闪购活动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Left out: %1</source>
        <translation>未纳入：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform>（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Exporting the review</source>
        <translation>正在导出复盘</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export the review</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save chart as PNG</source>
        <translation>将图表另存为 PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>fp::ui::ScenarioCompareView</name>
    <message>
        <location filename="../ui/planner/scenariocompareview.cpp" line="+317"/>
        <source>The two plans&apos; expected totals, their difference (B - A) and the change in percent; green is better for the business</source>
        <translation>两个方案的预期合计、差值（B − A）与变化百分比；绿色表示对业务更有利</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Markdown cost</source>
        <translation>让利成本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Products at a limit</source>
        <translation>触及限制的商品</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Every product of either plan, largest revenue change first; the larger changes are in bold. Click a header to sort.</source>
        <translation>两个方案中的全部商品，按销售额变化从大到小排列；变化较大的以粗体显示。点击表头可排序。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A: %1    B: %2
%3 products, %4 with larger changes (in bold): in one plan only, a discount moved 10 points or more, or among the changes that make up 80% of the revenue difference.</source>
        <translation>A：%1    B：%2
共 %3 个商品，其中 %4 个变化较大（粗体）：仅出现在一个方案中、折扣变动 10 个百分点及以上，或属于构成 80% 销售额差异的变化。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Some products have no unit cost: their profit is not counted</source>
        <translation>部分商品没有单位成本：未计入其毛利</translation>
    </message>
</context>
<context>
    <name>fp::ui::ScenarioPanel</name>
    <message>
        <location filename="../ui/planner/scenariopanel.cpp" line="+37"/>
        <source>&lt;b&gt;Scenarios&lt;/b&gt;</source>
        <translation>&lt;b&gt;方案&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plans saved in this project. Select one to open it or compare it with the current plan; select two to compare them.</source>
        <translation>保存在此项目中的方案。选择一个可打开或与当前计划比较；选择两个可相互比较。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save As...</source>
        <translation>另存为...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the current plan (campaign, settings, discounts and locks) in the project under a name</source>
        <translation>将当前计划（活动、设置、折扣和锁定）命名后保存到项目中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the current plan with the selected scenario (Undo brings the current plan back)</source>
        <translation>用所选方案替换当前计划（撤销可恢复当前计划）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare...</source>
        <translation>比较...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One selected: compare it with the current plan. Two selected: compare them.</source>
        <translation>选中一个：与当前计划比较。选中两个：相互比较。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename...</source>
        <translation>重命名...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename the selected scenario</source>
        <translation>重命名所选方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected scenarios</source>
        <translation>删除所选方案</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%1
%n product(s) · %2</source>
        <translation>
            <numerusform>%1
%n 个商品 · %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
saved %2, revenue %3</source>
        <translation>%1
保存于 %2，销售额 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the scenarios: %1</source>
        <translation>无法读取方案：%1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cannot save the scenario</source>
        <translation>无法保存方案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save scenario</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scenario name:</source>
        <translation>方案名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scenario %1</source>
        <translation>方案 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace the scenario?</source>
        <translation>替换方案？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scenario named &quot;%1&quot; exists. Replace it?</source>
        <translation>已存在名为“%1”的方案。要替换吗？</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Open scenario %1</source>
        <translation>打开方案 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scenario opened with changes</source>
        <translation>方案已打开（部分内容有调整）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open the scenario</source>
        <translation>无法打开方案</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Current plan</source>
        <translation>当前计划</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Compare %1 and %2</source>
        <translation>比较 %1 与 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the comparison</source>
        <translation>关闭对比</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot compare</source>
        <translation>无法比较</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot rename the scenario</source>
        <translation>无法重命名方案</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename scenario</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot delete the scenario</source>
        <translation>无法删除方案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete scenarios?</source>
        <translation>删除方案？</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n scenario(s) from the project?</source>
        <translation>
            <numerusform>要从项目中删除 %n 个方案吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fp::ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/settings/shortcutsdialog.cpp" line="+44"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every menu command with a keyboard shortcut</source>
        <translation>所有带键盘快捷键的菜单命令</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>In a time chart (click it first): + and - zoom, Left and Right pan, Home shows the whole history. The mouse wheel zooms, a drag zooms to a span, a right-drag or Shift+wheel pans.</source>
        <translation>在时间图表中（先单击图表）：+ 和 - 缩放，左右方向键平移，Home 显示全部历史。鼠标滚轮缩放，拖动可放大选定区间，右键拖动或 Shift+滚轮可平移。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close this list</source>
        <translation>关闭此列表</translation>
    </message>
</context>
<context>
    <name>fp::ui::TimeChartView</name>
    <message>
        <location filename="../ui/charts/timechartview.cpp" line="+32"/>
        <source>Wheel: zoom in time. Drag: zoom to a span. Right-drag or Shift+wheel: pan.</source>
        <translation>滚轮：缩放时间轴。拖动：放大选定区间。右键拖动或 Shift+滚轮：平移。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMM yyyy</source>
        <comment>QDateTime format of the time axis labels</comment>
        <translation>yyyy/M/d</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Units per day</source>
        <translation>每日销量</translation>
    </message>
</context>
<context>
    <name>fp::ui::TotalsBar</name>
    <message>
        <location filename="../ui/planner/totalsbar.cpp" line="+23"/>
        <source>Expected units</source>
        <translation>预计销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected units sold over the sale window, capped by each product&apos;s stock</source>
        <translation>活动期间的预计总销量（每个商品不超过其库存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+82"/>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Expected revenue at the sale prices</source>
        <translation>按活动价计算的预计销售额</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>Profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Expected revenue minus unit cost of the units sold</source>
        <translation>预计销售额减去所售商品的成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+81"/>
        <source>Markdown cost</source>
        <translation>让利成本</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>What the discounts give away: (list price - sale price) x units</source>
        <translation>折扣让出的金额：(原价 − 活动价) × 件数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget used</source>
        <translation>预算使用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Markdown cost as a share of the markdown budget</source>
        <translation>让利成本占让利预算的比例</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At a limit</source>
        <translation>触及限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products held by stock, a discount bound, the margin floor, the budget or a lock</source>
        <translation>受库存、折扣上下限、最低毛利率、预算或锁定限制的商品</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>* Some products have no unit cost; their profit is left out</source>
        <translation>* 部分商品没有单位成本，未计入其毛利</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+28"/>
        <source>no budget</source>
        <translation>无预算</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>units</source>
        <translation>件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected %1</source>
        <translation>预计销量（%1）</translation>
    </message>
</context>
<context>
    <name>fp::ui::TrainingView</name>
    <message>
        <location filename="../ui/model/trainingview.cpp" line="+81"/>
        <source>loading the sales history</source>
        <translation>加载历史销售数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saving the model in the project</source>
        <translation>将模型保存到项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training %1 on the history before the held-out period</source>
        <translation>用回测期之前的历史训练 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refitting %1 on all history</source>
        <translation>用全部历史重新拟合 %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Training runs in the background; the window stays usable</source>
        <translation>训练在后台运行，窗口可继续使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Training and validation loss per iteration appear here while models train</source>
        <translation>模型训练时，这里会显示每次迭代的训练损失和验证损失</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Auto (all, keep the best)</source>
        <translation>自动（全部训练，保留最佳）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train every model and keep the one with the lowest held-out WAPE</source>
        <translation>训练所有模型，保留回测 WAPE 最低的那个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Structured</source>
        <translation>结构化模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negative binomial model: product level, weekday, season, holidays, a price response that never falls as the discount deepens, events and the dip after them</source>
        <translation>负二项模型：商品基准水平、星期、季节、节假日、随折扣加深只增不减的价格响应、活动及活动后的回落</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neural</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A small neural network on the same inputs</source>
        <translation>基于相同输入的小型神经网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline only</source>
        <translation>仅基线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same weekday in recent weeks: the naive forecast every model must beat</source>
        <translation>近几周同一星期几的销量：每个模型都必须超越的朴素预测</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Which demand model to train; the naive baseline is always trained alongside for comparison</source>
        <translation>要训练的需求模型；朴素基线总会一同训练以作对比</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last days of history are held out: models are fitted without them and scored on them (whole weeks for weekly data)</source>
        <translation>历史的最后若干天留作回测：模型拟合时不使用这些天，并在其上评分（周数据按整周计）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train in the background and store the best model in the project</source>
        <translation>在后台训练，并将最佳模型保存到项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop training; the project&apos;s stored model stays as it was</source>
        <translation>停止训练；项目中已保存的模型保持不变</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Held out:</source>
        <translation>回测期(&amp;H)：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The chosen model is in bold; a warning marks a model that does not beat the naive baseline</source>
        <translation>选用的模型以粗体显示；未超过朴素基线的模型带有警告标记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WAPE</source>
        <translation>WAPE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weighted absolute percentage error on the held-out period: sum |actual − forecast| / sum actual. Lower is better</source>
        <translation>回测期的加权绝对百分比误差：Σ|实际 − 预测| / Σ实际。越低越好</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sum (forecast − actual) / sum actual: below 0 forecasts too low</source>
        <translation>Σ(预测 − 实际) / Σ实际：小于 0 表示预测偏低</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MASE</source>
        <translation>MASE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean absolute error relative to last week&apos;s same-weekday value; below 1 beats that naive forecast</source>
        <translation>平均绝对误差与“上周同一天”朴素预测误差之比；小于 1 表示优于该朴素预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>80% coverage</source>
        <translation>80% 覆盖率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of held-out periods inside the central 80% predictive interval: 80% means the intervals are honest</source>
        <translation>回测期中落在 80% 中央预测区间内的比例：80% 表示区间可信</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fitting time on the history before the held-out period</source>
        <translation>在回测期之前历史上的拟合耗时</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Every model scored on the held-out period, next to the naive baseline</source>
        <translation>各模型在回测期的评分，与朴素基线对照</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is still running; train when it has finished.</source>
        <translation>“%1”仍在运行，请等其完成后再训练。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Training all models</source>
        <translation>正在训练所有模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training %1</source>
        <translation>正在训练 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training: the held-out scores show here when it finishes.</source>
        <translation>正在训练：完成后回测得分将显示在这里。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 — another program is writing the project; waiting for it to finish (%2 s). Cancel drops this fit.</source>
        <translation>%1 — 另一个程序正在写入项目；正在等待其完成（%2 秒）。取消将放弃本次拟合。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — iteration %2, warming up</source>
        <translation>%1 — 第 %2 次迭代，预热中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1/%2 步：%3</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Its products&apos; held-out WAPE is on average %1 below the structured model&apos;s, less than %2 standard errors (%3) of that difference over products: a short held-out period often gives a win this size by luck. auto keeps the structured model, whose price response is explained, unless another is better beyond chance.</source>
        <translation>其各商品的留出期 WAPE 平均比结构化模型低 %1，不到该差值按商品计算的标准误（%3）的 %2 倍：较短的留出期常会因运气得到这样的优势。auto 保留价格响应可解释的结构化模型，除非另一模型的优势超出偶然。</translation>
    </message>
    <message>
        <location line="-189"/>
        <location line="+120"/>
        <source>%1 refit</source>
        <translation>%1 重新拟合</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>Event WAPE</source>
        <translation>活动期 WAPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WAPE on the held-out periods (days, or weeks) of flash-sale events</source>
        <translation>回测期内闪购活动期间（日或周）的 WAPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular WAPE</source>
        <translation>平时 WAPE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WAPE on the other held-out periods</source>
        <translation>回测期内其他时段的 WAPE</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>%1 — iteration %2, training loss %3</source>
        <translation>%1 — 第 %2 次迭代，训练损失 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, validation loss %1</source>
        <translation>，验证损失 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Training failed: %1. The stored model is unchanged.</source>
        <translation>训练失败：%1。已保存的模型未更改。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training cancelled; the stored model is unchanged.</source>
        <translation>训练已取消，已保存的模型未更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training of %1 finished; its new model is stored there.</source>
        <translation>%1 的训练已完成，新模型已保存到该项目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trained in %1 s: %2 is now the project&apos;s model.</source>
        <translation>训练用时 %1 秒：%2 现为项目的模型。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Open a project to train demand models.</source>
        <translation>打开项目后即可训练需求模型。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The project&apos;s model: %1 (#%2, trained %3).</source>
        <translation>项目的模型：%1（#%2，训练于 %3）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The project holds no sales yet: import a sales history first.</source>
        <translation>项目中还没有销售数据：请先导入历史销售数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No model trained yet: choose a model and press Train.</source>
        <translation>尚未训练模型：请选择模型并点击“训练”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not read the project&apos;s models: %1</source>
        <translation>无法读取项目的模型：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The project&apos;s model has no readable scores; train again to see them.</source>
        <translation>项目的模型没有可读取的评分；请重新训练以查看。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>chosen</source>
        <translation>已选用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not kept: within chance of %1</source>
        <translation>未采用：与%1的差异在偶然范围内</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not kept: not %1% below %2</source>
        <translation>未采用：未比%2低 %1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto keeps a blend only when it forecasts the held-out period clearly better than the best single model: its weight was chosen on that period, and beyond the prices sold it follows its wilder part</source>
        <translation>只有当混合模型在回测期的预测明显优于最佳单一模型时，自动模式才会采用它：其权重是在该期间选定的，而在已售价格范围之外，它会跟随其中更激进的那一部分外推</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no better than the baseline</source>
        <translation>不优于基线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not beat the naive baseline on the held-out period: trust its forecasts no more than the baseline&apos;s</source>
        <translation>%1 在回测期未超过朴素基线：其预测不比基线更可信</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Held-out period %1 to %2 (%3 days): every model was fitted on the history before it and scored on it; the chosen model was then refitted on all history.</source>
        <translation>回测期 %1 至 %2（%3 天）：各模型均用此前的历史拟合并在此期间评分；选用的模型随后用全部历史重新拟合。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its 80% intervals held %1 of the held-out units: the stored model&apos;s are widened to hold 80% there.</source>
        <translation>其 80% 区间覆盖了回测期 %1 的销量：已存储模型的区间已放宽，使其在该期间覆盖 80%。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its 80% intervals held %1 of the held-out units: the stored model&apos;s are narrowed halfway to holding 80% there (one calm period may be luck).</source>
        <translation>其 80% 区间覆盖了回测期 %1 的销量：已存储模型的区间已收窄一半，向该期间覆盖 80% 靠拢（一段平稳时期可能只是运气）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One model did not beat the baseline.</source>
        <translation>有 1 个模型未超过基线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 models did not beat the baseline.</source>
        <translation>有 %1 个模型未超过基线。</translation>
    </message>
</context>
</TS>

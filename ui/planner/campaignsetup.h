#pragma once

#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

namespace fp::plan {
struct CampaignProduct;
}

namespace fp::ui {

class CampaignTableModel;
struct PlannerDefaults;
class PlannerDocument;

// The campaign setup: the sale window, the optimizer's settings, and the products with their
// stock, cost and discount limits. Products come from the products list (the selection, a
// category, or the top N by revenue) or from a campaign.csv. Every change is an undoable edit of
// the document; the widgets follow the document when an edit is undone.
class CampaignSetup final : public QWidget
{
    Q_OBJECT
public:
    explicit CampaignSetup(PlannerDocument* document, QWidget* parent = nullptr);

    // The products selected in the products list (project product ids), asked when the user adds
    // "the selected products".
    void setSelectionSource(std::function<QList<qint64>()> source);

    // Adds panel products (skipping ones already in the campaign or unknown to the model) with the
    // default limits as one undoable step named by describe(count). Returns how many were added.
    int addProducts(const std::vector<int>& panelProducts,
                    const std::function<QString(int)>& describe);
    void addSelectedProducts();
    void addTopByRevenue(int count, int category = -1);
    // Replaces the campaign's products with those of a campaign.csv; shows its problems.
    bool loadCampaignFile(const QString& path);
    void removeSelectedProducts();
    void setWindow(qint64 startDay, int days); // undoable

    void setEditable(bool editable); // off while the optimizer runs

    QTableView* table() const { return m_table; }
    CampaignTableModel* model() const { return m_model; }
    // Says why the window is odd (inside the history, far after it); hidden when it is not.
    QLabel* windowWarning() const { return m_windowWarning; }
    // Which products the last load or add left out, and why; hidden when none.
    QLabel* skippedNotice() const { return m_skipped; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildWindowAndSettings();
    void buildProducts();
    void refreshFromDocument();
    void settingsEdited();
    void windowEdited();
    void fillAddMenu();
    void chooseCampaignFile();
    void copySelection();
    void pasteClipboard();
    plan::CampaignProduct defaultProduct(int panelProduct, const PlannerDefaults& defaults) const;
    // Shows `skipped` (one line a product) under `headline` in the notice; nothing hides it.
    void showSkipped(const QString& headline, const QStringList& skipped);
    void updateWindowWarning();

    PlannerDocument* m_document;
    std::function<QList<qint64>()> m_selectionSource;
    QGroupBox* m_settingsBox = nullptr;
    QDateEdit* m_start = nullptr;
    QSpinBox* m_days = nullptr;
    QComboBox* m_objective = nullptr;
    QDoubleSpinBox* m_blendWeight = nullptr;
    QCheckBox* m_useBudget = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QCheckBox* m_useMarginFloor = nullptr;
    QDoubleSpinBox* m_marginFloor = nullptr;
    QDoubleSpinBox* m_step = nullptr;
    QPushButton* m_addSelected = nullptr;
    QToolButton* m_addMore = nullptr;
    QPushButton* m_loadFile = nullptr;
    QPushButton* m_remove = nullptr;
    QTableView* m_table = nullptr;
    CampaignTableModel* m_model = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_windowWarning = nullptr;
    QLabel* m_skipped = nullptr;
    bool m_refreshing = false;
};

} // namespace fp::ui

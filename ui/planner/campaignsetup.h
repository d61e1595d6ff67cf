#pragma once

#include "plan/campaign.h"
#include "shell/job.h"

#include <QWidget>
#include <functional>
#include <memory>

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
struct PlannerData;
}

namespace fp::ui {

class CampaignTableModel;
struct NewProductEntry;
struct PlannerDefaults;
class PlannerDocument;

// New products placed among their peers on a worker: the document's data (`base`) read again with
// them appended, and the campaign file with the placed ones among its products.
struct PlacedProducts
{
    std::shared_ptr<const plan::PlannerData> base;
    std::shared_ptr<const plan::PlannerData> data;
    plan::CampaignFile file;
    std::vector<Problem> warnings; // a product skipped, a like_sku ignored (plan::placeNewProducts)
};

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
    // The project the document's data was read from: new products are placed on a fresh read.
    void setProjectPath(const QString& path) { m_projectPath = path; }

    // Adds panel products (skipping ones already in the campaign or unknown to the model) with the
    // default limits as one undoable step named by describe(count). Returns how many were added.
    int addProducts(const std::vector<int>& panelProducts,
                    const std::function<QString(int)>& describe);
    void addSelectedProducts();
    void addTopByRevenue(int count, int category = -1);
    // Replaces the campaign's products with those of a campaign.csv; shows its problems. New
    // products (no sales history) are placed among their peers first, on placeJob(); products
    // that cannot be are listed in skippedNotice() and the rest loads. False when nothing loads
    // or will; campaignLoaded() says when the products are in.
    bool loadCampaignFile(const QString& path);
    // Places a product without sales history among its peers (on placeJob()) and adds it to the
    // campaign as one undoable step. False, with a message, when the entry is not valid
    // (newProductEntryProblem) or a placement is running.
    bool addNewProduct(const NewProductEntry& entry);
    void chooseNewProduct(); // asks with a NewProductDialog
    void removeSelectedProducts();
    void setWindow(qint64 startDay, int days); // undoable

    void setEditable(bool editable); // off while the optimizer runs

    QTableView* table() const { return m_table; }
    CampaignTableModel* model() const { return m_model; }
    // Says why the window is odd (inside the history, far after it); hidden when it is not.
    QLabel* windowWarning() const { return m_windowWarning; }
    // Which products the last load or add left out, and why; hidden when none.
    QLabel* skippedNotice() const { return m_skipped; }
    using PlaceJob = Job<PlacedProducts>;
    PlaceJob* placeJob() const { return m_placeJob; }

signals:
    void campaignLoaded(); // loadCampaignFile()'s products are in the document

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
    // Replaces the campaign's products with `file`'s (placed) ones; `notes` (and `skipped` of
    // them products left out) are shown under the file's `name`.
    bool applyCampaignFile(const plan::CampaignFile& file, QStringList notes, int skipped,
                           const QString& name);
    using AfterPlacing = std::function<void(const PlacedProducts& placed)>;
    // Places `file`'s new products on a copy of the document's data on placeJob(); once done the
    // document takes the extended data and `then` runs. False when a placement is running.
    bool placeNewProducts(plan::CampaignFile file, AfterPlacing then);
    void placed(const PlacedProducts& placed);
    // Shows `skipped` (one line a product) under `headline` in the notice; nothing hides it.
    void showSkipped(const QString& headline, const QStringList& skipped);
    void updateWindowWarning();

    PlannerDocument* m_document;
    PlaceJob* m_placeJob;
    AfterPlacing m_afterPlacing;
    std::function<QList<qint64>()> m_selectionSource;
    QString m_projectPath;
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

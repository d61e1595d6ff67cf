#include "shell/jobstatus.h"

#include "shell/job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace fp::ui {

JobStatus::JobStatus(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setMaximumWidth(220);
    m_bar->setTextVisible(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop this job; nothing it was changing is kept"));
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_current)
            m_current->cancel();
    });
    setVisible(false);
}

void JobStatus::watch(JobBase* job)
{
    connect(job, &JobBase::started, this,
            [this, job](quint64, const QString& title) { show(job, title); });
    connect(job, &JobBase::progressed, this, [this, job](quint64, qint64 done, qint64 total) {
        if (job != m_current)
            return;
        if (total > 0) {
            m_bar->setRange(0, 1000);
            m_bar->setValue(static_cast<int>(1000 * done / total));
        } else {
            m_bar->setRange(0, 0); // busy indicator
        }
    });
    connect(job, &JobBase::ended, this, [this, job] {
        if (!job->isRunning()) // else a handler of the outcome started its next run
            hideIfCurrent(job);
    });
    connect(job, &QObject::destroyed, this, &JobStatus::hideIfCurrent); // its view closed
}

void JobStatus::show(JobBase* job, const QString& title)
{
    m_current = job;
    m_label->setText(title);
    m_bar->setRange(0, 0);
    setVisible(true);
}

void JobStatus::hideIfCurrent(const QObject* job)
{
    if (job == m_current) {
        m_current = nullptr;
        setVisible(false);
    }
}

} // namespace fp::ui

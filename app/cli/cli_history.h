#pragma once
// `--date` for `isleview info` and `isleview export`: the day read from the command line, and the timeline
// (resources/history/timeline.json) loaded beside the data and asked about it.
#include "history.h"
#include "map_settings.h"

#include <geo/result.h>

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <variant>

namespace isv {

/// What went wrong with a --date request: `usage` when the day itself is wrong (exit 2), else a failure
/// to read the timeline (exit 1). The message names the option or the file.
struct DateProblem {
    QString message;
    bool usage = false;
};

/// --date's value as a day ("YYYY" is that year's last day, or today), or a usage problem naming the option.
std::optional<DateProblem> parseDateOption(const QString& value, QDate* day);

/// The timeline beside `dataDir`, checked to cover `day`.
std::variant<History, DateProblem> historyFor(const QString& dataDir, QDate day);

/// The `info` report of `day` as text: each group's administrator and claimants, the event that set the
/// map, and the events up to then.
QString historyText(const QJsonObject& report);

} // namespace isv

#pragma once

#include "cli/arguments.h"

namespace fp::cli {

// Exit statuses of flashplan-cli (spec/cli.md).
enum ExitStatus
{
    kOk = 0,
    kUsage = 1,
    kBadInput = 2,
    kCancelled = 3
};

int runImport(Arguments& args);
int runInfo(Arguments& args);
int runDemo(Arguments& args);
int runTrain(Arguments& args);
int runForecast(Arguments& args);
int runPlan(Arguments& args);
int runReview(Arguments& args);
int runBacktest(Arguments& args);

} // namespace fp::cli

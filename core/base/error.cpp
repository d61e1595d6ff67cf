#include "base/error.h"

namespace fp {

std::string Problem::message() const
{
    return fillArguments(englishText(kind), args);
}

std::string Problem::describe() const
{
    std::string out = file;
    if (line > 0)
        out += (out.empty() ? "line " : ":") + std::to_string(line);
    if (!out.empty())
        out += ": ";
    if (column > 0)
        out += "column " + std::to_string(column) + ": ";
    return out + message();
}

Problem problemOf(ProblemKind kind, std::vector<std::string> args)
{
    Problem problem;
    problem.kind = kind;
    problem.args = std::move(args);
    return problem;
}

FlashPlanError::FlashPlanError(Problem problem)
    : std::runtime_error(problem.describe()), m_problem(std::move(problem))
{
}

FlashPlanError::FlashPlanError(ProblemKind kind, std::vector<std::string> args)
    : FlashPlanError(problemOf(kind, std::move(args)))
{
}

FlashPlanError internalError(std::string detail)
{
    return FlashPlanError(ProblemKind::Internal, {std::move(detail)});
}

Problem problemOf(const std::exception& error)
{
    if (const auto* known = dynamic_cast<const FlashPlanError*>(&error))
        return known->problem();
    return problemOf(ProblemKind::Internal, {error.what()});
}

} // namespace fp

// The commands, each in a file beside its handler (cmd_*.cc), gathered in one table in
// main.cc (Ninja's kTools).
#pragma once

#include <CLI/CLI.hpp>

#include "common.h"

namespace backsignal::cli {

// Each adds its options to the subcommand `cmd` and sets its callback, which stores the exit
// code in `ctx.code`.
void SetUpMorning(CLI::App& cmd, Invocation& ctx);
void SetUpSession(CLI::App& cmd, Invocation& ctx);
void SetUpAfter(CLI::App& cmd, Invocation& ctx);
void SetUpContext(CLI::App& cmd, Invocation& ctx);
void SetUpNote(CLI::App& cmd, Invocation& ctx);
void SetUpShow(CLI::App& cmd, Invocation& ctx);
void SetUpDelete(CLI::App& cmd, Invocation& ctx);
void SetUpUsual(CLI::App& cmd, Invocation& ctx);
void SetUpRead(CLI::App& cmd, Invocation& ctx);
void SetUpSettings(CLI::App& cmd, Invocation& ctx);
void SetUpImport(CLI::App& cmd, Invocation& ctx);
void SetUpImportWorkouts(CLI::App& cmd, Invocation& ctx);
void SetUpBackup(CLI::App& cmd, Invocation& ctx);
void SetUpRestore(CLI::App& cmd, Invocation& ctx);
void SetUpExport(CLI::App& cmd, Invocation& ctx);
void SetUpReport(CLI::App& cmd, Invocation& ctx);
void SetUpReminders(CLI::App& cmd, Invocation& ctx);
void SetUpToken(CLI::App& cmd, Invocation& ctx);
void SetUpAccount(CLI::App& cmd, Invocation& ctx);
void SetUpServe(CLI::App& cmd, Invocation& ctx);
void SetUpSafety(CLI::App& cmd, Invocation& ctx);
void SetUpWeekly(CLI::App& cmd, Invocation& ctx);
void SetUpFlare(CLI::App& cmd, Invocation& ctx);

}  // namespace backsignal::cli

#include "backsignal/service/service.h"

#include <iterator>

#include "backsignal/service/readings.h"
#include "backsignal/service/summaries.h"
#include "internal.h"

namespace backsignal::service {

Service::Service(Database& db, Writer& writer, const Clock& clock, Overrides overrides)
    : db_(db),
      writer_(writer),
      clock_(clock),
      overrides_(std::move(overrides)),
      readings_(std::make_unique<ReadingCache>()) {}

Service::~Service() = default;

Database& StoreOf(const Service& service) { return service.db_; }
Writer& WriterOf(const Service& service) { return service.writer_; }

std::optional<CommitCounts> CommitCountsOf(const Service& service) {
  const auto* committer = dynamic_cast<const GroupCommitter*>(&WriterOf(service));
  if (!committer) return std::nullopt;
  return CommitCounts{
      .commits = committer->commits(),
      .writes = committer->writes(),
      .batches = committer->batch_histogram(),
      .bounds = {std::begin(GroupCommitter::kBatchBounds), std::end(GroupCommitter::kBatchBounds)}};
}

Result<std::unique_ptr<Backend>> Backend::Open(const std::string& location, OpenOptions options,
                                               const Overrides& overrides, const Clock& clock) {
  auto db = OpenServiceDatabase(location, std::move(options), overrides);
  if (!db) return Unexpected(db.error());
  std::unique_ptr<Backend> b(new Backend());
  b->db_ = std::move(*db);
  b->writer_ = std::make_unique<DirectWriter>(*b->db_);
  b->service_ = std::make_unique<Service>(*b->db_, *b->writer_, clock, overrides);
  return b;
}

void Backend::StartGroupCommit() {
  const Clock& clock = service_->clock();
  Overrides overrides = service_->overrides();
  service_.reset();
  writer_ = std::make_unique<GroupCommitter>(*db_);
  service_ = std::make_unique<Service>(*db_, *writer_, clock, std::move(overrides));
}

// The service first (nothing uses the writer after it), then the writer (a group commit finishes
// every write it accepted), then the database.
Backend::~Backend() {
  service_.reset();
  writer_.reset();
}

std::string Backend::Describe() const { return db_->Describe(); }

bool Backend::IsPostgres() const { return db_->IsPostgres(); }

void Backend::StopWrites() {
  if (auto* committer = dynamic_cast<GroupCommitter*>(writer_.get())) committer->Stop();
}

Result<std::unique_ptr<Database>> OpenServiceDatabase(const std::string& location,
                                                      OpenOptions options,
                                                      const Overrides& overrides) {
  options.summariser = ReadingSummariser(overrides);
  return OpenDatabase(location, options);
}

}  // namespace backsignal::service

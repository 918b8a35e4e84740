// Status and StatusOr<T>: errors as cheap values, with context added on the way up.
// Modelled on leveldb::Status: built by factories, tested by predicates.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace newsfacts {

enum class StatusCode {
  kOk,
  kInvalidArgument,  // bad input from a user: a rule file, a command-line value, an article
  kNotFound,
  kIoError,   // the file system or database said no
  kDataLoss,  // input that cannot be read as text (binary, empty)
  kFailedPrecondition,
  kBusy,      // the database is locked by another process
  kReadOnly,  // a write was attempted on a read-only database or connection
  kInternal,
};

// A success or an error code with a message. Thread-compatible value type.
class [[nodiscard]] Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status DataLoss(std::string message) {
    return Status(StatusCode::kDataLoss, std::move(message));
  }
  static Status FailedPrecondition(std::string message) {
    return Status(StatusCode::kFailedPrecondition, std::move(message));
  }
  static Status Busy(std::string message) { return Status(StatusCode::kBusy, std::move(message)); }
  static Status ReadOnly(std::string message) {
    return Status(StatusCode::kReadOnly, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "context: message"; OK stays OK.
  Status WithContext(std::string_view context) const {
    if (ok()) return *this;
    return Status(code_, std::string(context) + ": " + message_);
  }

  // "OK" or the message.
  std::string ToString() const { return ok() ? "OK" : message_; }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. Accessing the value of an error is a programmer error.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : state_(std::move(status)) {}  // NOLINT: implicit by design
  StatusOr(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> state_;
};

}  // namespace newsfacts

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define NEWSFACTS_RETURN_IF_ERROR(expr)      \
  do {                                       \
    ::newsfacts::Status nf_status_ = (expr); \
    if (!nf_status_.ok()) return nf_status_; \
  } while (false)

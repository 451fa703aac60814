#pragma once
// Errors as values: every expected failure in libgeo comes back as Result<T>.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace geo {

/// An expected failure. `message` names the file (or input) and the problem, ready to show a user.
struct Error {
    std::string message;
};

/// Either a value or an Error. Cheap to move. Reading the value of an error (or the error of a value) is a
/// broken precondition: it asserts in debug builds and throws std::bad_variant_access otherwise.
template <class T> class Result {
  public:
    Result(T value) : v_(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {} // NOLINT(google-explicit-constructor)
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    const Error& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }

  private:
    std::variant<T, Error> v_;
};

} // namespace geo

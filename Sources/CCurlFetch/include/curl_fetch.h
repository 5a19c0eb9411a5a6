#ifndef JOBDECK_CURL_FETCH_H
#define JOBDECK_CURL_FETCH_H

#include <stddef.h>

/// One HTTP(S) request (a GET unless `method` says otherwise) through the system's libcurl
/// (loaded at run time: it is already on every system that runs Swift's FoundationNetworking).
/// The response's status is in the result, its headers (ETag…) pass through `on_header`. The callbacks run on the calling thread,
/// inside the transfer, so returning "stop" from them stops it before the next piece is read
/// or decompressed.
typedef struct jd_fetch_request {
  const char *url;
  /// "PUT", "DELETE"…; NULL for GET.
  const char *method;
  /// The request body (sent as is, `body_length` bytes); NULL for none.
  const char *body;
  size_t body_length;
  /// Header lines such as "Accept: text/html"; NULL-terminated.
  const char *const *headers;
  long connect_timeout_ms;
  long total_timeout_ms;
  /// Body bytes, decompressed; return 0 to stop the transfer, 1 to go on.
  int (*on_body)(const char *bytes, size_t count, void *context);
  /// One header line of a response, with its line break.
  void (*on_header)(const char *line, size_t count, void *context);
  /// Called about once a second and on every piece; return 0 to stop the transfer.
  int (*on_progress)(void *context);
  void *context;
} jd_fetch_request;

enum jd_fetch_outcome {
  JD_FETCH_DONE = 0,
  JD_FETCH_NO_LIBCURL = 1,
  JD_FETCH_STOPPED = 2,
  JD_FETCH_TIMED_OUT = 3,
  JD_FETCH_CONNECT_FAILED = 4,
  JD_FETCH_FAILED = 5,
};

typedef struct jd_fetch_result {
  int outcome;
  long status;
  char error[256];
} jd_fetch_result;

void jd_fetch(const jd_fetch_request *request, jd_fetch_result *result);

#endif

#include "curl_fetch.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* The few libcurl entry points and option numbers used here, as curl.h defines them (its ABI
   has kept these since 7.x). Declared here because the development headers are not installed
   where JobDeck builds; the library itself is. */
typedef void CURL;
struct curl_slist;
typedef int (*curl_global_init_fn)(long);
typedef CURL *(*curl_easy_init_fn)(void);
typedef void (*curl_easy_cleanup_fn)(CURL *);
typedef int (*curl_easy_setopt_fn)(CURL *, int, ...);
typedef int (*curl_easy_perform_fn)(CURL *);
typedef int (*curl_easy_getinfo_fn)(CURL *, int, ...);
typedef struct curl_slist *(*curl_slist_append_fn)(struct curl_slist *, const char *);
typedef void (*curl_slist_free_all_fn)(struct curl_slist *);

enum {
  OPT_WRITEDATA = 10001,
  OPT_URL = 10002,
  OPT_ERRORBUFFER = 10010,
  OPT_POSTFIELDS = 10015,
  OPT_CUSTOMREQUEST = 10036,
  OPT_POSTFIELDSIZE_LARGE = 30120,
  OPT_WRITEFUNCTION = 20011,
  OPT_HTTPHEADER = 10023,
  OPT_HEADERDATA = 10029,
  OPT_NOPROGRESS = 43,
  OPT_FOLLOWLOCATION = 52,
  OPT_HEADERFUNCTION = 20079,
  OPT_NOSIGNAL = 99,
  OPT_ACCEPT_ENCODING = 10102,
  OPT_TIMEOUT_MS = 155,
  OPT_CONNECTTIMEOUT_MS = 156,
  OPT_PROTOCOLS = 181,
  OPT_REDIR_PROTOCOLS = 182,
  OPT_XFERINFODATA = 10057,
  OPT_XFERINFOFUNCTION = 20219,
  INFO_RESPONSE_CODE = 0x200000 + 2,
  PROTO_HTTP = 1,
  PROTO_HTTPS = 2,
  GLOBAL_ALL = 3,
  E_OK = 0,
  E_COULDNT_RESOLVE_PROXY = 5,
  E_COULDNT_RESOLVE_HOST = 6,
  E_COULDNT_CONNECT = 7,
  E_WRITE_ERROR = 23,
  E_OPERATION_TIMEDOUT = 28,
  E_ABORTED_BY_CALLBACK = 42,
};

static struct {
  curl_easy_init_fn easy_init;
  curl_easy_cleanup_fn easy_cleanup;
  curl_easy_setopt_fn easy_setopt;
  curl_easy_perform_fn easy_perform;
  curl_easy_getinfo_fn easy_getinfo;
  curl_slist_append_fn slist_append;
  curl_slist_free_all_fn slist_free_all;
  int loaded;
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_libcurl(void) {
  void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) return;
  curl_global_init_fn global_init = (curl_global_init_fn)dlsym(library, "curl_global_init");
  curl.easy_init = (curl_easy_init_fn)dlsym(library, "curl_easy_init");
  curl.easy_cleanup = (curl_easy_cleanup_fn)dlsym(library, "curl_easy_cleanup");
  curl.easy_setopt = (curl_easy_setopt_fn)dlsym(library, "curl_easy_setopt");
  curl.easy_perform = (curl_easy_perform_fn)dlsym(library, "curl_easy_perform");
  curl.easy_getinfo = (curl_easy_getinfo_fn)dlsym(library, "curl_easy_getinfo");
  curl.slist_append = (curl_slist_append_fn)dlsym(library, "curl_slist_append");
  curl.slist_free_all = (curl_slist_free_all_fn)dlsym(library, "curl_slist_free_all");
  if (global_init == NULL || curl.easy_init == NULL || curl.easy_cleanup == NULL ||
      curl.easy_setopt == NULL || curl.easy_perform == NULL || curl.easy_getinfo == NULL ||
      curl.slist_append == NULL || curl.slist_free_all == NULL) {
    return;
  }
  if (global_init(GLOBAL_ALL) != E_OK) return;
  curl.loaded = 1;
}

static size_t write_body(char *bytes, size_t size, size_t count, void *data) {
  const jd_fetch_request *request = data;
  size_t total = size * count;
  /* Anything but `total` makes libcurl stop with CURLE_WRITE_ERROR. */
  return request->on_body(bytes, total, request->context) ? total : 0;
}

static size_t write_header(char *bytes, size_t size, size_t count, void *data) {
  const jd_fetch_request *request = data;
  size_t total = size * count;
  request->on_header(bytes, total, request->context);
  return total;
}

static int report_progress(void *data, long long down_total, long long down_now,
                           long long up_total, long long up_now) {
  (void)down_total; (void)down_now; (void)up_total; (void)up_now;
  const jd_fetch_request *request = data;
  return request->on_progress(request->context) ? 0 : 1;
}

void jd_fetch(const jd_fetch_request *request, jd_fetch_result *result) {
  memset(result, 0, sizeof *result);
  pthread_once(&load_once, load_libcurl);
  if (!curl.loaded) {
    result->outcome = JD_FETCH_NO_LIBCURL;
    snprintf(result->error, sizeof result->error, "libcurl.so.4 could not be loaded");
    return;
  }
  CURL *handle = curl.easy_init();
  if (handle == NULL) {
    result->outcome = JD_FETCH_FAILED;
    snprintf(result->error, sizeof result->error, "libcurl could not start a transfer");
    return;
  }
  struct curl_slist *headers = NULL;
  for (const char *const *line = request->headers; line != NULL && *line != NULL; line++) {
    headers = curl.slist_append(headers, *line);
  }
  char error[256] = {0};
  curl.easy_setopt(handle, OPT_URL, request->url);
  curl.easy_setopt(handle, OPT_ERRORBUFFER, error);
  curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
  curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
  curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
  /* Redirects are followed by the caller, which checks each target first. */
  curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 0L);
  /* Every encoding libcurl can decode is accepted; the body callback sees decoded bytes, a
     piece of at most 16 KB at a time, and stops the decoder as soon as it refuses one. */
  curl.easy_setopt(handle, OPT_ACCEPT_ENCODING, "");
  curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, request->connect_timeout_ms);
  curl.easy_setopt(handle, OPT_TIMEOUT_MS, request->total_timeout_ms);
  curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
  if (request->method != NULL) curl.easy_setopt(handle, OPT_CUSTOMREQUEST, request->method);
  if (request->body != NULL) {
    /* Sent from the caller's buffer, which outlives the transfer; the size is given, so the
       body may hold any bytes. */
    curl.easy_setopt(handle, OPT_POSTFIELDSIZE_LARGE, (long long)request->body_length);
    curl.easy_setopt(handle, OPT_POSTFIELDS, request->body);
  }
  curl.easy_setopt(handle, OPT_WRITEFUNCTION, write_body);
  curl.easy_setopt(handle, OPT_WRITEDATA, (void *)request);
  curl.easy_setopt(handle, OPT_HEADERFUNCTION, write_header);
  curl.easy_setopt(handle, OPT_HEADERDATA, (void *)request);
  curl.easy_setopt(handle, OPT_XFERINFOFUNCTION, report_progress);
  curl.easy_setopt(handle, OPT_XFERINFODATA, (void *)request);
  curl.easy_setopt(handle, OPT_NOPROGRESS, 0L);
  int code = curl.easy_perform(handle);
  curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &result->status);
  switch (code) {
  case E_OK: result->outcome = JD_FETCH_DONE; break;
  case E_WRITE_ERROR:
  case E_ABORTED_BY_CALLBACK: result->outcome = JD_FETCH_STOPPED; break;
  case E_OPERATION_TIMEDOUT: result->outcome = JD_FETCH_TIMED_OUT; break;
  case E_COULDNT_RESOLVE_PROXY:
  case E_COULDNT_RESOLVE_HOST:
  case E_COULDNT_CONNECT: result->outcome = JD_FETCH_CONNECT_FAILED; break;
  default: result->outcome = JD_FETCH_FAILED; break;
  }
  snprintf(result->error, sizeof result->error, "%s", error[0] ? error : "transfer failed");
  curl.slist_free_all(headers);
  curl.easy_cleanup(handle);
}

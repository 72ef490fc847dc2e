/*
 * wasmlink's resident-mode client: hands a command line to the daemon that `wasmlink daemon start` left running and
 * prints what the daemon answers, so that a link costs a connection instead of a JVM start. It speaks the protocol of
 * dev.wasmlink.linker.resident.Wire.
 *
 *   resident-client link   JAR DIR ARGS...   the link's exit status, having printed its output and errors
 *   resident-client status JAR DIR           prints the daemon's status
 *   resident-client stop   JAR DIR           asks the daemon to stop
 *
 * JAR is the linker's jar: its inode, size and modification time name the socket (DIR/IDENTITY.sock), so a daemon of
 * another build is never reached. DIR must be a directory of this user's, closed to everyone else.
 *
 * Exit status 75 means "not served": there is no daemon for this jar, the directory is not safe, the daemon refused,
 * died or stopped answering (no frame, not even a heartbeat, for WASMLINK_DAEMON_TIMEOUT seconds, 30 by default).
 * Nothing has been printed then, so the launcher links one-shot and the user sees what a one-shot link prints: the
 * client holds the daemon's output back until the link's exit status has arrived.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define NOT_SERVED 75

enum { LINK = 1, STATUS = 2, STOP = 3 };

extern char **environ;

/* A growing byte buffer: the request on the way out, the held-back output on the way in. */
struct buffer {
  unsigned char *bytes;
  size_t length, capacity;
};

static int append(struct buffer *b, const void *bytes, size_t length) {
  if (b->length + length > b->capacity) {
    size_t capacity = b->capacity ? b->capacity : 4096;
    while (capacity < b->length + length) {
      capacity *= 2;
    }
    unsigned char *grown = realloc(b->bytes, capacity);
    if (!grown) {
      return -1;
    }
    b->bytes = grown;
    b->capacity = capacity;
  }
  memcpy(b->bytes + b->length, bytes, length);
  b->length += length;
  return 0;
}

static int append_u32(struct buffer *b, uint32_t value) {
  unsigned char be[4] = {value >> 24, value >> 16, value >> 8, value};
  return append(b, be, 4);
}

static int append_string(struct buffer *b, const char *s) {
  size_t length = strlen(s);
  return append_u32(b, (uint32_t)length) || append(b, s, length);
}

/* The jar's identity as JarIdentity computes it; -1 when the jar cannot be read. */
static int jar_identity(const char *jar, char *identity, size_t size) {
  struct stat st;
  if (stat(jar, &st) != 0) {
    return -1;
  }
  snprintf(identity, size, "%llx-%llx-%llx.%09ld", (unsigned long long)st.st_ino, (unsigned long long)st.st_size,
           (unsigned long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
  return 0;
}

/* Only a directory that is this user's and nobody else's may hold the socket we hand our links to. */
static int directory_is_safe(const char *dir) {
  struct stat st;
  return lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == getuid() && (st.st_mode & 077) == 0;
}

static int connect_to(const char *path) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(path) >= sizeof address.sun_path) {
    return -1;
  }
  strcpy(address.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) {
    return -1;
  }
  if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static int write_all(int fd, const unsigned char *bytes, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, bytes, length);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return -1;
    }
    bytes += n;
    length -= (size_t)n;
  }
  return 0;
}

/* Reads exactly `length` bytes, waiting at most `timeout_ms` for each piece; -1 on timeout, end or error. */
static int read_exactly(int fd, unsigned char *bytes, size_t length, int timeout_ms) {
  while (length > 0) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int ready = poll(&p, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      return -1;
    }
    ssize_t n = read(fd, bytes, length);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return -1;
    }
    bytes += n;
    length -= (size_t)n;
  }
  return 0;
}

static int build_request(struct buffer *request, int kind, const char *identity, int argc, char **argv) {
  char *cwd = getcwd(NULL, 0);
  if (!cwd) {
    return -1;
  }
  int failed = append_u32(request, 0x574c4b31) || append_u32(request, (uint32_t)kind)
      || append_string(request, identity) || append_string(request, cwd) || append_u32(request, (uint32_t)argc);
  free(cwd);
  for (int i = 0; i < argc && !failed; i++) {
    failed = append_string(request, argv[i]);
  }
  uint32_t count = 0;
  while (environ[count]) {
    count++;
  }
  failed = failed || append_u32(request, count);
  for (uint32_t i = 0; i < count && !failed; i++) {
    failed = append_string(request, environ[i]);
  }
  return failed ? -1 : 0;
}

/* Prints the held-back frames, standard output and error in the order they came. */
static void replay(const struct buffer *held) {
  size_t at = 0;
  while (at < held->length) {
    unsigned char kind = held->bytes[at];
    uint32_t length;
    memcpy(&length, held->bytes + at + 1, 4);
    write_all(kind == 'O' ? STDOUT_FILENO : STDERR_FILENO, held->bytes + at + 5, length);
    at += 5 + length;
  }
}

static int timeout_ms(void) {
  const char *setting = getenv("WASMLINK_DAEMON_TIMEOUT");
  double seconds = setting ? atof(setting) : 0;
  return seconds > 0 ? (int)(seconds * 1000) : 30000;
}

/* Sends the request and follows the daemon's frames to the exit status; NOT_SERVED when it does not get there. */
static int converse(int fd, const struct buffer *request) {
  if (write_all(fd, request->bytes, request->length) != 0) {
    return NOT_SERVED;
  }
  int timeout = timeout_ms();
  struct buffer held = {0};
  for (;;) {
    unsigned char header[5];
    if (read_exactly(fd, header, 5, timeout) != 0) {
      return NOT_SERVED;
    }
    uint32_t length = (uint32_t)header[1] << 24 | (uint32_t)header[2] << 16 | (uint32_t)header[3] << 8 | header[4];
    unsigned char *payload = length ? malloc(length) : NULL;
    if ((length && !payload) || read_exactly(fd, payload, length, timeout) != 0) {
      return NOT_SERVED;
    }
    switch (header[0]) {
      case 'O':
      case 'E':
        if (append(&held, header, 1) || append(&held, &length, 4) || append(&held, payload, length)) {
          return NOT_SERVED;
        }
        break;
      case 'X':
        if (length != 4) {
          return NOT_SERVED;
        }
        replay(&held);
        return payload[0] << 24 | payload[1] << 16 | payload[2] << 8 | payload[3];
      case 'H':
        break;
      default: /* 'R', refused, or anything this client does not know */
        return NOT_SERVED;
    }
    free(payload);
  }
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: resident-client link|status|stop JAR DIR [ARGS...]\n");
    return 2;
  }
  int kind = strcmp(argv[1], "link") == 0 ? LINK : strcmp(argv[1], "status") == 0 ? STATUS
      : strcmp(argv[1], "stop") == 0 ? STOP : 0;
  if (!kind) {
    fprintf(stderr, "resident-client: unknown command %s\n", argv[1]);
    return 2;
  }
  /* A daemon that dies mid-answer must not kill us with SIGPIPE: we fall back instead. */
  signal(SIGPIPE, SIG_IGN);
  char identity[128];
  const char *dir = argv[3];
  if (jar_identity(argv[2], identity, sizeof identity) != 0 || !directory_is_safe(dir)) {
    return NOT_SERVED;
  }
  char socket_path[4096];
  snprintf(socket_path, sizeof socket_path, "%s/%s.sock", dir, identity);
  int fd = connect_to(socket_path);
  if (fd < 0) {
    return NOT_SERVED;
  }
  struct buffer request = {0};
  if (build_request(&request, kind, identity, kind == LINK ? argc - 4 : 0, argv + 4) != 0) {
    return NOT_SERVED;
  }
  return converse(fd, &request);
}

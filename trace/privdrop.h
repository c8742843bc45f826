// privdrop.h: give up root once a live capture is open.
#ifndef SOCKTRACE_PRIVDROP_H
#define SOCKTRACE_PRIVDROP_H

#include <stddef.h>

// If running as root (real or effective uid 0), become the user who ran
// sudo (SUDO_UID/SUDO_GID) or else "nobody": supplementary groups cleared,
// then gid, then uid. Then check that the drop holds (setuid(0) fails and
// no id is 0). Returns 1 if it dropped, 0 if there was nothing to drop,
// -1 with err filled if the drop failed (the caller must then exit).
// *who (if not NULL) is set to the user name or uid dropped to.
int privdrop(char *who, size_t wholen, char *err, size_t errlen);

#endif

# E1: sends the count as a binary int (4 bytes) instead of decimal text.
# program: UDPCountServer
# fails: e1_count
# reason: the count as a binary int
s/^\t\tint len = snprintf(countText, sizeof countText, "%zu", count_s(message, (size_t)n));/\t\tint count = (int)count_s(message, (size_t)n), len = (int)sizeof count;\n\t\tmemcpy(countText, \&count, sizeof count);/

# E2: takes an empty line for the end of the conversation.
# program: UDPClientLoop
# fails: e2_empty
s/^\twhile ((rc = read_message(&message, &cap, &len)) == 0 &&$/\twhile ((rc = read_message(\&message, \&cap, \&len)) == 0 \&\& (len > 0 || (rc = 1) == 0) \&\&/

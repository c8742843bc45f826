# Sends the sentence and receives the reply, but prints its own sentence
# upper-cased instead of what came back.
# program: UDPClient
# fails: udpclient_reply
# reason: its own sentence upper-cased
# traced: UDPClient called recvfrom() once (traced)
s/^\tfwrite(modifiedMessage, 1, (size_t)n, stdout);$/\tfor (size_t i = 0; i < len; i++)\n\t\tputchar(message[i] >= 'a' \&\& message[i] <= 'z' ? message[i] - 'a' + 'A' : message[i]);/

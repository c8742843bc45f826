# Sends the sentence and receives the reply, but prints its own sentence
# upper-cased instead of what came back.
# program: TCPClient
# fails: tcpclient_reply
# reason: its own sentence upper-cased
s/^\tfwrite(modifiedSentence, 1, modifiedLen, stdout);$/\tfor (size_t i = 0; i < len; i++)\n\t\tputchar(sentence[i] >= 'a' \&\& sentence[i] <= 'z' ? sentence[i] - 'a' + 'A' : sentence[i]);/

# Sends the string's NUL terminator too: strlen(message) + 1 bytes.
# program: UDPClient
# fails: udpclient_datagram
s/^\t\tn--;  \/\/ the newline ends the line.*/\t\t(*message)[--n] = '\\0';/
s/sendto(clientSocket, message, len, 0,/sendto(clientSocket, message, len + 1, 0,/

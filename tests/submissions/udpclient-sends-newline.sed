# Sends the newline fgets()/getline() kept: len + 1 bytes.
# program: UDPClient
# fails: udpclient_datagram
s/sendto(clientSocket, message, len, 0,/sendto(clientSocket, message, len + 1, 0,/

#!/bin/sh
# Regenerates the test PKI in this folder (run from here; the tests only read the result):
# a private CA, trust stores holding only its certificate (PKCS12 and JKS), and two server key stores it signed,
# one for 127.0.0.1/localhost and one for another host name. Valid for 100 years; every password is changeit-test.
set -eu
PW=changeit-test
DAYS=36500
rm -f ca.p12 ca.crt trust.p12 trust.jks crm.p12 elsewhere.p12 ./*.csr ./*.signed
kt() { keytool "$@" -storepass "$PW"; }
kt -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity $DAYS -dname "CN=Leadrouter Test CA" -ext bc:c -keystore ca.p12
kt -exportcert -rfc -alias ca -keystore ca.p12 -file ca.crt
kt -importcert -noprompt -alias leadrouter-test-ca -file ca.crt -keystore trust.p12 -storetype PKCS12
kt -importcert -noprompt -alias leadrouter-test-ca -file ca.crt -keystore trust.jks -storetype JKS
server() {
  kt -genkeypair -alias server -keyalg EC -groupname secp256r1 -validity $DAYS -dname "CN=$1" -keystore "$1.p12"
  kt -certreq -alias server -keystore "$1.p12" -file "$1.csr"
  kt -gencert -rfc -alias ca -keystore ca.p12 -infile "$1.csr" -outfile "$1.signed" -validity $DAYS -ext "SAN=$2" -ext eku=serverAuth
  kt -importcert -noprompt -alias ca -file ca.crt -keystore "$1.p12"
  kt -importcert -noprompt -alias server -file "$1.signed" -keystore "$1.p12"
  rm -f "$1.csr" "$1.signed"
}
server crm "ip:127.0.0.1,dns:localhost"
server elsewhere "dns:elsewhere.example"
rm -f ca.p12

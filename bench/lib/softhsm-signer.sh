# Sourced by the bench scripts: a SoftHSM token in the folder $W holding the test PKI's RSA-2048
# signer ($P/signer-rsa2048.*, id 01, label "signer"), its PIN in $W/pin (mode 600).
# Sets SOFTHSM2_CONF (exported) and MOD (the SoftHSM module's path).
export SOFTHSM2_CONF=$W/softhsm2.conf
mkdir -p "$W/tokens"
echo "directories.tokendir = $W/tokens" > "$SOFTHSM2_CONF"
MOD=$(ls /usr/lib/softhsm/libsofthsm2.so /usr/lib/*/softhsm/libsofthsm2.so 2>/dev/null | head -1)
softhsm2-util --init-token --free --label bench --pin 123456 --so-pin 12345678 >/dev/null
(umask 077 && echo 123456 > "$W/pin")
p11() { pkcs11-tool --module "$MOD" --token-label bench --login --pin 123456 "$@" >/dev/null 2>&1; }
p11 --write-object "$P/signer-rsa2048.key.der" --type privkey --id 01 --label signer
p11 --write-object "$P/signer-rsa2048.der" --type cert --id 01 --label signer

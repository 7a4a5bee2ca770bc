#!/usr/bin/env bash
# Makes the cluster's certificates with openssl, as hack/local-up-cluster.sh and kubeadm lay them
# out: one cluster CA signing the API server's serving certificate, the kubelet's serving
# certificate and every client certificate (identity in CN, groups in O); a front-proxy CA for the
# aggregation layer; the service-account signing key. Writes into $CERTS; usage: pki.sh NODE_IP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

node_ip="$1"
mkdir -p "$CERTS"
chmod 0700 "$CERTS"
cd "$CERTS"
days=30

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }

new_ca() {
  new_key "$1"
  openssl req -x509 -new -key "$1.key" -sha256 -days "$days" -subj "/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$1.crt" 2>/dev/null
}

# issue NAME CA SUBJECT USAGE [SANS]: a certificate for NAME signed by CA. USAGE is serverAuth or
# clientAuth; SANS like "DNS:a,IP:1.2.3.4".
issue() {
  local name="$1" ca="$2" subject="$3" usage="$4" sans="${5:-}"
  new_key "$name"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$usage"
    if [ -n "$sans" ]; then echo "subjectAltName=$sans"; fi
  } >"$name.ext"
  openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr" 2>/dev/null
  openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial -sha256 \
    -days "$days" -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

new_ca ca "$CLUSTER_NAME-ca"
new_ca front-proxy-ca "$CLUSTER_NAME-front-proxy-ca"

issue apiserver ca "/CN=kube-apiserver" serverAuth \
  "DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.$CLUSTER_DOMAIN,DNS:localhost,IP:127.0.0.1,IP:$node_ip,IP:$KUBERNETES_SERVICE_IP"
issue kubelet ca "/CN=$NODE_NAME" serverAuth "DNS:$NODE_NAME,IP:$node_ip"

issue admin ca "/O=system:masters/CN=$CLUSTER_NAME-admin" clientAuth
issue apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
issue kube-controller-manager ca "/CN=system:kube-controller-manager" clientAuth
issue kube-scheduler ca "/CN=system:kube-scheduler" clientAuth
issue kubelet-client ca "/O=system:nodes/CN=system:node:$NODE_NAME" clientAuth
issue kube-proxy ca "/CN=system:kube-proxy" clientAuth
issue kube-router ca "/CN=system:kube-router" clientAuth
issue front-proxy-client front-proxy-ca "/CN=front-proxy-client" clientAuth

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key 2>/dev/null
openssl pkey -in sa.key -pubout -out sa.pub
chmod 0600 ./*.key

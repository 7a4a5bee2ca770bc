#!/bin/sh
# Runs inside the debootstrapped Debian 12 image and writes the root file system of a stand-in
# for gcr.io/distroless/cc-debian12:nonroot to the tarball named by $1: the files of the Debian
# packages that image is made of (glibc, libgcc, libstdc++, libgomp, libssl, tzdata, netbase,
# base-files), the CA bundle, passwd/group with root, nobody and nonroot (65532), /tmp (1777),
# /home/nonroot, and the dpkg status.d entries scanners read. No shell and no package manager.
set -eu
tarball="$1"
out=/tmp/distroless-root
packages="base-files netbase tzdata libc6 libgcc-s1 libgomp1 libstdc++6 libssl3 gcc-12-base"

rm -rf "$out"
mkdir -p "$out/usr/bin" "$out/usr/lib" "$out/usr/lib64" "$out/usr/sbin"
# Debian 12 has a merged /usr: keep its top-level links so /lib64/ld-linux-x86-64.so.2 resolves.
for link in bin lib lib64 sbin; do
  if [ -L "/$link" ]; then ln -s "$(readlink "/$link")" "$out/$link"; fi
done

for package in $packages; do
  dpkg -L "$package"
  mkdir -p "$out/var/lib/dpkg/status.d"
  dpkg -s "$package" >"$out/var/lib/dpkg/status.d/$package"
done | sort -u | while IFS= read -r path; do
  case "$path" in
    /usr/share/doc/*/copyright) ;;
    /usr/share/doc/* | /usr/share/man/* | /usr/share/info/* | /usr/share/lintian/* | /usr/share/gdb/*) continue ;;
  esac
  if [ -d "$path" ] && [ ! -L "$path" ]; then
    continue
  fi
  [ -e "$path" ] || [ -L "$path" ] || continue
  # Copy to the canonical directory (through the merged-/usr links) and keep symlinks as links.
  directory=$(cd "$(dirname "$path")" && pwd -P)
  mkdir -p "$out$directory"
  cp -a "$path" "$out$directory/"
done

mkdir -p "$out/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$out/etc/ssl/certs/ca-certificates.crt"

cat >"$out/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat >"$out/etc/group" <<'EOF'
root:x:0:
nobody:x:65534:
tty:x:5:
staff:x:50:
nonroot:x:65532:
EOF
cat >"$out/etc/nsswitch.conf" <<'EOF'
passwd:    files
group:     files
shadow:    files
hosts:     files dns
networks:  files
protocols: files
services:  files
ethers:    files
rpc:       files
EOF

mkdir -p "$out/tmp" "$out/root" "$out/home/nonroot" "$out/var/tmp"
chmod 1777 "$out/tmp" "$out/var/tmp"
chmod 0700 "$out/root" "$out/home/nonroot"
chown 65532:65532 "$out/home/nonroot"

# The contract that matters most: nothing to execute but what the image adds.
for shell in /bin/sh /usr/bin/sh /bin/bash /usr/bin/bash /bin/dash /usr/bin/dash; do
  if [ -e "$out$shell" ]; then
    echo "distroless stand-in: unexpected $shell" >&2
    exit 1
  fi
done
test -e "$out/lib64/ld-linux-x86-64.so.2"
test -e "$out/usr/lib/x86_64-linux-gnu/libstdc++.so.6"

tar --numeric-owner -C "$out" -cf "$tarball" .
rm -rf "$out"

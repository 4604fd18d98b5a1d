"""Self-signed TLS certificates for loopback test sites, valid over a window the test chooses
(an expired one among them)."""
from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def server_context(folder: Path, address: str, valid_from: dt.date, valid_until: dt.date) -> ssl.SSLContext:
    """A server-side context with a certificate for `address` valid from one day to another."""
    cert_file, key_file = certificate_files(folder, address, valid_from, valid_until)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


def certificate_files(folder: Path, address: str, valid_from: dt.date, valid_until: dt.date) -> tuple[Path, Path]:
    """A self-signed certificate for `address` and its key, as PEM files in `folder`."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, address)])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(dt.datetime.combine(valid_from, dt.time(), dt.UTC))
        .not_valid_after(dt.datetime.combine(valid_until, dt.time(12), dt.UTC))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(address))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / f"{address}.crt", folder / f"{address}.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file

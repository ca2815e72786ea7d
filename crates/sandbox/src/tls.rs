//! TLS for the sandbox: a certificate authority made at start, and a server certificate it
//! signs for the names a client may use (`localhost`, `127.0.0.1`, `www.linkedin.com`).

use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

use crate::SandboxError;

/// What a TLS sandbox hands out: the acceptor, and the CA that clients must trust.
pub(crate) struct Tls {
    pub(crate) acceptor: TlsAcceptor,
    pub(crate) ca_pem: String,
    pub(crate) ca_der: CertificateDer<'static>,
}

/// Names the server certificate is valid for.
const NAMES: [&str; 4] = ["localhost", "127.0.0.1", "::1", "www.linkedin.com"];

pub(crate) fn make() -> Result<Tls, SandboxError> {
    let tls_error = |e: rcgen::Error| SandboxError::Tls(e.to_string());

    let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(tls_error)?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "linkedin-sandbox test CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().map_err(tls_error)?)
        .map_err(tls_error)?;

    let names: Vec<String> = NAMES.iter().map(|n| (*n).to_owned()).collect();
    let mut leaf_params = CertificateParams::new(names).map_err(tls_error)?;
    leaf_params
        .distinguished_name
        .push(DnType::CommonName, "linkedin-sandbox");
    let leaf_key = KeyPair::generate().map_err(tls_error)?;
    let leaf = leaf_params.signed_by(&leaf_key, &ca).map_err(tls_error)?;

    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| SandboxError::Tls(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], key)
        .map_err(|e| SandboxError::Tls(e.to_string()))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];

    Ok(Tls {
        acceptor: TlsAcceptor::from(Arc::new(config)),
        ca_pem: ca.pem(),
        ca_der: ca.der().clone(),
    })
}

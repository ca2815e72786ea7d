//! The logged-in member.

use crate::common;

#[tokio::test]
async fn me_comes_from_the_login_check_and_is_cached() {
    let f = common::start().await;
    let mark = f.mark();
    let me = f.linkedin.me().await.unwrap();
    assert_eq!(
        (me.first_name.as_str(), me.last_name.as_str()),
        ("Dana", "Moreau")
    );
    assert_eq!(
        f.linkedin.my_profile_urn().await.unwrap(),
        "urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ"
    );
    f.snapshot("me", mark, &me);
    assert_eq!(
        f.sent_since(mark).len(),
        0,
        "the login's session check (GET /me) answered it; the second call used the cache"
    );
    // A client over a transport whose check was not /me asks for it, once.
    let f = common::start().await;
    let plain = linkedin_api::Linkedin::from_transport(
        linkedin_api::transport::Transport::builder(f.sandbox.base_url())
            .verify_path(None)
            .build()
            .unwrap(),
    );
    let mark = f.mark();
    let err = plain.me().await.unwrap_err();
    assert!(err.to_string().contains("log in"), "{err}");
    assert_eq!(f.sent_since(mark).len(), 1, "it asked LinkedIn");
}

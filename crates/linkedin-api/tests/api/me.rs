//! The logged-in member.

use crate::common;

#[tokio::test]
async fn me_is_fetched_once_and_cached() {
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
        1,
        "the second call used the cache"
    );
}

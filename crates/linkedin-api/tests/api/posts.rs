//! Publishing against the sandbox: a text post created (for anyone or for connections, with
//! a mention, with an image uploaded first), found first in the author's posts and feed, its
//! details with counts, the daily post budget, and bad input refused before sending.

use crate::common;
use futures::TryStreamExt;
use linkedin_api::transport::Action;
use linkedin_api::{Error, Image, Linkedin, Login, NewPost, ProfileId, Visibility, validate};
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, Author, World};

fn world() -> World {
    world::generate(WORLD_SEED)
}

#[tokio::test]
async fn a_created_post_is_first_in_the_authors_posts_and_feed() {
    let f = common::start().await;
    let me = f.linkedin.me().await.unwrap().profile_id.clone();

    let mark = f.mark();
    let text = "Shipping the notifications page today. #rust #linkedin";
    let created = f.linkedin.create_post(&NewPost::new(text)).await.unwrap();
    f.snapshot("posts_create_post", mark, &created);
    let urn = created.urn.clone().unwrap();
    assert!(
        created
            .share_urn
            .as_deref()
            .unwrap()
            .starts_with("urn:li:share:")
    );
    assert_eq!(
        created.url.as_deref(),
        Some(format!("https://www.linkedin.com/feed/update/{urn}/").as_str())
    );

    let mine: Vec<_> = f
        .linkedin
        .profile_posts(&me)
        .limit(3)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(mine[0].urn, urn);
    assert_eq!(mine[0].text.as_deref(), Some(text));
    let feed: Vec<_> = f
        .linkedin
        .feed_posts(true)
        .limit(3)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(feed[0].urn, urn, "on top of the author's feed");

    let mark = f.mark();
    let details = f.linkedin.post_details(&urn).await.unwrap();
    f.snapshot("posts_post_details_new", mark, &details);
    let counts = details.counts.as_ref().unwrap();
    assert_eq!((counts.reactions, counts.comments), (Some(0), Some(0)));
}

#[tokio::test]
async fn a_mention_and_connections_only_are_sent_as_linkedin_takes_them() {
    let f = common::start().await;
    let w = world();
    let friend = &w.people[(2..w.people.len()).find(|&p| w.connected(0, p)).unwrap()];
    let name = friend.full_name();
    let post = NewPost::new(format!("Thanks @{name} for the review!"))
        .visibility(Visibility::Connections)
        .mention(&name, ProfileId::parse(&friend.profile_id).unwrap());

    let mark = f.mark();
    let created = f.linkedin.create_post(&post).await.unwrap();
    f.snapshot("posts_create_post_mention", mark, &created);
    let sent = f.sent_since(mark);
    let commentary = &sent[0]["body"]["variables"]["post"]["commentary"];
    assert_eq!(commentary["text"], format!("Thanks {name} for the review!"));
    assert_eq!(commentary["attributesV2"][0]["start"], 7);
    assert_eq!(
        commentary["attributesV2"][0]["length"],
        name.encode_utf16().count()
    );
    assert_eq!(
        sent[0]["body"]["variables"]["post"]["visibilityDataUnion"]["visibilityType"],
        "CONNECTIONS_ONLY"
    );
    let details = f
        .linkedin
        .post_details(created.urn.as_deref().unwrap())
        .await
        .unwrap();
    assert_eq!(
        details.post.text.as_deref(),
        Some(commentary["text"].as_str().unwrap())
    );
}

#[tokio::test]
async fn a_posts_details_carry_its_counts() {
    let f = common::start().await;
    let w = world();
    let post = w
        .posts
        .iter()
        .filter(|p| !p.promoted && !p.reactions.is_empty() && !p.comments.is_empty())
        .max_by_key(|p| p.reactions.len())
        .unwrap();
    let mark = f.mark();
    let details = f
        .linkedin
        .post_details(&post.activity_id.to_string())
        .await
        .unwrap();
    f.snapshot("posts_post_details", mark, &details);
    let counts = details.counts.as_ref().unwrap();
    assert_eq!(counts.reactions, Some(post.reactions.len() as u64));
    assert_eq!(counts.comments, Some(post.comments.len() as u64));
    let by_type: u64 = counts.by_type.iter().map(|c| c.count).sum();
    assert_eq!(by_type, post.reactions.len() as u64);
    assert_eq!(details.post.text.as_deref(), Some(post.text.as_str()));
    assert!(matches!(
        post.author,
        Author::Person(_) | Author::Company(_)
    ));

    let e = f
        .linkedin
        .post_details("urn:li:activity:7000000000000000001")
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
}

#[tokio::test]
async fn bad_posts_are_refused_before_sending() {
    let f = common::start().await;
    let ada = ProfileId::parse("ACoAAB1234567890").unwrap();
    let mark = f.mark();
    for post in [
        NewPost::new(""),
        NewPost::new(" \n\t "),
        NewPost::new("x".repeat(validate::POST_TEXT_MAX + 1)),
        NewPost::new("No one is named here").mention("Ada", ada),
    ] {
        let e = f.linkedin.create_post(&post).await.unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{e:?}");
    }
    assert_eq!(f.mark(), mark, "nothing sent");
    for bad in ["", "not a post", "urn:li:fsd_profile:ACoAAB1234567890"] {
        let e = f.linkedin.post_details(bad).await.unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{e:?}");
    }
    assert_eq!(f.mark(), mark, "nothing sent");
}

/// The demo account logged in again with a daily post budget of one.
async fn one_post_a_day(f: &common::Fixture) -> Linkedin {
    Linkedin::builder()
        .base_url(f.sandbox.base_url())
        .login(Login::password(
            common::DEMO_USERNAME,
            common::DEMO_PASSWORD,
        ))
        .transport(|t| t.daily_limit(Action::Post, 1))
        .build()
        .await
        .unwrap()
}

#[tokio::test]
async fn posts_count_against_the_daily_post_budget() {
    let f = common::start().await;
    let linkedin = one_post_a_day(&f).await;
    linkedin
        .create_post(&NewPost::new("The first of the day."))
        .await
        .unwrap();
    let mark = f.mark();
    let e = linkedin
        .create_post(&NewPost::new("One too many."))
        .await
        .unwrap_err();
    assert_eq!(f.mark(), mark, "refused before sending: {e:?}");
}

#[tokio::test]
async fn a_deleted_post_is_gone_from_the_authors_posts() {
    let f = common::start().await;
    let me = f.linkedin.me().await.unwrap().profile_id.clone();
    let created = f
        .linkedin
        .create_post(&NewPost::new("A post to take back."))
        .await
        .unwrap();
    let share = created.share_urn.clone().unwrap();

    let mark = f.mark();
    f.linkedin.delete_post(&share).await.unwrap();
    f.snapshot("posts_delete_post", mark, &());
    let mine: Vec<_> = f
        .linkedin
        .profile_posts(&me)
        .limit(3)
        .try_collect()
        .await
        .unwrap();
    assert!(mine.iter().all(|p| Some(&p.urn) != created.urn.as_ref()));
    let e = f
        .linkedin
        .post_details(created.urn.as_deref().unwrap())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");

    // Again: there is no such post. Someone else's: refused. Not a share: nothing sent.
    let e = f.linkedin.delete_post(&share).await.unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
    let w = world();
    let theirs = w
        .posts
        .iter()
        .find(|p| p.author != Author::Person(0))
        .unwrap();
    let e = f
        .linkedin
        .delete_post(&format!("urn:li:share:{}", theirs.share_id))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("403"), "{e}");
    let mark = f.mark();
    for bad in [
        "",
        "urn:li:activity:7000000000000000001",
        "urn:li:share:abc",
    ] {
        let e = f.linkedin.delete_post(bad).await.unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{e:?}");
    }
    assert_eq!(f.mark(), mark, "nothing sent");
}

/// A 3×2 PNG, whole (signature, header, data, end).
const PNG: &[u8] = include_bytes!("../../../../fixtures/media/chart.png");

#[tokio::test]
async fn an_image_is_registered_uploaded_without_cookies_then_shared() {
    let f = common::start().await;
    let me = f.linkedin.me().await.unwrap().profile_id.clone();
    let image = Image::new("chart.png", PNG.to_vec()).unwrap();
    assert_eq!(image.dimensions(), (3, 2));
    let text = "Our numbers for the year.";

    let mark = f.mark();
    let created = f
        .linkedin
        .create_post(&NewPost::new(text).image(image))
        .await
        .unwrap();
    let records = f.sandbox.requests()[mark..].to_vec();
    let mut sent = f.sent_since(mark);
    assert_eq!(sent.len(), 3, "register, upload, share: {sent:#?}");
    assert_eq!(
        sent[0]["path"],
        "/voyager/api/voyagerVideoDashMediaUploadMetadata"
    );
    assert_eq!(
        sent[0]["body"],
        serde_json::json!({"mediaUploadType": "IMAGE_SHARING", "fileSize": PNG.len(), "filename": "chart.png"})
    );
    // The bytes go to the URL LinkedIn gave, without the session's cookies or CSRF token.
    assert_eq!(sent[1]["method"], "PUT");
    assert!(
        sent[1]["path"]
            .as_str()
            .unwrap()
            .starts_with("/dms-uploads/")
    );
    assert_eq!(sent[1]["status"], 201);
    assert!(records[1].cookies.is_empty(), "{:?}", records[1].cookies);
    assert!(
        records[1].headers.iter().all(|(n, _)| n != "csrf-token"),
        "{:?}",
        records[1].headers
    );
    assert_eq!(records[1].body.len(), String::from_utf8_lossy(PNG).len());
    sent[1]["body"] = serde_json::json!(format!("[the image's {} bytes]", PNG.len()));
    let media = &sent[2]["body"]["variables"]["post"]["media"];
    assert_eq!(media["category"], "IMAGE");
    assert_eq!(
        media["recipes"],
        serde_json::json!(["urn:li:digitalmediaRecipe:feedshare-image"])
    );
    assert!(
        media["mediaUrn"]
            .as_str()
            .unwrap()
            .starts_with("urn:li:digitalmediaAsset:")
    );
    f.snapshot_requests("posts_create_post_image", sent, &created);

    let mine: Vec<_> = f
        .linkedin
        .profile_posts(&me)
        .limit(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(Some(&mine[0].urn), created.urn.as_ref());
    assert_eq!(mine[0].text.as_deref(), Some(text));

    // A photo's size (3 MiB), over the 1 MiB the sandbox reads of another request.
    let big = Image::new("photo.png", [PNG, &vec![0u8; 3 << 20]].concat()).unwrap();
    f.linkedin
        .create_post(&NewPost::new("A bigger one.").image(big))
        .await
        .unwrap();
}

#[tokio::test]
async fn what_is_not_an_image_is_refused_before_anything_is_sent() {
    let f = common::start().await;
    let mark = f.mark();
    let mut gif = b"GIF89a".to_vec();
    gif.extend_from_slice(&[0x10, 0x27, 0x10, 0x27, 0, 0, 0]); // 10000 x 10000
    let too_many_pixels = gif;
    for (name, bytes, why) in [
        ("empty.png", Vec::new(), "empty"),
        (
            "notes.png",
            b"just some text".to_vec(),
            "not a JPEG, PNG or GIF",
        ),
        ("../up.png", PNG.to_vec(), "not a file name"),
        ("", PNG.to_vec(), "not a file name"),
        ("huge.gif", too_many_pixels, "pixels"),
        (
            "big.png",
            [PNG, &vec![0u8; linkedin_api::IMAGE_BYTES_MAX]].concat(),
            "at most",
        ),
    ] {
        let e = Image::new(name, bytes).unwrap_err();
        assert!(
            matches!(&e, Error::InvalidInput { field: "image", reason } if reason.contains(why)),
            "{name}: {e}"
        );
    }
    let e = Image::from_path("/nonexistent/dir/photo.jpg").unwrap_err();
    assert!(
        e.to_string().contains("photo.jpg") && !e.to_string().contains("/nonexistent"),
        "{e}"
    );
    // A comment takes no image.
    let image = Image::new("dot.png", PNG.to_vec()).unwrap();
    let e = f
        .linkedin
        .comment_on_post("7000000000000000001", &NewPost::new("Look").image(image))
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::InvalidInput { field: "image", .. }),
        "{e}"
    );
    assert_eq!(f.mark(), mark, "nothing sent");
}

#[tokio::test]
async fn an_image_post_counts_once_and_a_spent_budget_uploads_nothing() {
    let f = common::start().await;
    let linkedin = one_post_a_day(&f).await;
    let image = || Image::new("dot.png", PNG.to_vec()).unwrap();
    linkedin
        .create_post(&NewPost::new("The first of the day.").image(image()))
        .await
        .unwrap();
    let mark = f.mark();
    let e = linkedin
        .create_post(&NewPost::new("One too many.").image(image()))
        .await
        .unwrap_err();
    assert_eq!(f.mark(), mark, "refused before registering: {e:?}");
}

/// The sandbox refuses a share LinkedIn would refuse: `CONNECTIONS` (a validation error, the
/// value is `CONNECTIONS_ONLY`), an image whose bytes never came, and a media object of
/// another shape.
#[tokio::test]
async fn the_sandbox_refuses_a_share_linkedin_refuses() {
    use linkedin_api::catalogue::endpoints::POST_CREATE;
    use linkedin_api::transport::Request;
    let f = common::start().await;
    let share = |post: serde_json::Value| {
        let body = serde_json::json!({
            "variables": {"post": post},
            "queryId": POST_CREATE.query_id.unwrap(),
            "includeWebMetadata": true,
        });
        Request::post(
            format!(
                "/voyager/api/graphql?action=execute&queryId={}",
                POST_CREATE.query_id.unwrap()
            ),
            "application/json; charset=UTF-8",
            body.to_string(),
        )
        .accept(linkedin_api::transport::Accept::Normalized)
    };
    let post = |visibility: &str, media: Option<serde_json::Value>| {
        let mut p = serde_json::json!({
            "allowedCommentersScope": "ALL",
            "intendedShareLifeCycleState": "PUBLISHED",
            "origin": "FEED",
            "visibilityDataUnion": {"visibilityType": visibility},
            "commentary": {"text": "Hello", "attributesV2": []},
        });
        if let Some(m) = media {
            p["media"] = m;
        }
        p
    };
    let t = f.linkedin.transport();
    let refusal = |body: &[u8]| -> String {
        let v: serde_json::Value = serde_json::from_slice(body).unwrap();
        v.pointer("/data/errors/0/extensions/classification")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("none")
            .to_owned()
    };
    let answer = t.send(share(post("CONNECTIONS", None))).await.unwrap();
    assert_eq!(refusal(answer.body()), "ValidationError");
    let answer = t.send(share(post("CONNECTIONS_ONLY", None))).await.unwrap();
    assert_eq!(refusal(answer.body()), "none");

    // Registered, never uploaded: refused; another media shape: 400.
    let registered = t
        .send(
            Request::post(
                "/voyager/api/voyagerVideoDashMediaUploadMetadata?action=upload",
                "application/json; charset=UTF-8",
                r#"{"mediaUploadType":"IMAGE_SHARING","fileSize":73,"filename":"a.png"}"#,
            )
            .accept(linkedin_api::transport::Accept::Normalized),
        )
        .await
        .unwrap();
    let registered: serde_json::Value = serde_json::from_slice(registered.body()).unwrap();
    let asset = registered["data"]["value"]["urn"]
        .as_str()
        .unwrap()
        .to_owned();
    let media = serde_json::json!({
        "category": "IMAGE",
        "mediaUrn": asset,
        "recipes": ["urn:li:digitalmediaRecipe:feedshare-image"],
    });
    let answer = t
        .send(share(post("ANYONE", Some(media.clone()))))
        .await
        .unwrap();
    assert_eq!(refusal(answer.body()), "DataFetchingException");
    let mut video = media;
    video["category"] = "VIDEO".into();
    let e = t
        .send(share(post("ANYONE", Some(video))))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("400"), "{e}");
}

/// A reshare with a comment: the post's share from its details, the create mutation with
/// `origin: RESHARE` and `parentUrn`, the new post first of the author's posts naming the
/// post it reshares, and the reshared post's count of reshares up by one.
#[tokio::test]
async fn a_reshare_names_the_post_it_reshares() {
    let f = common::start().await;
    let me = f.linkedin.me().await.unwrap().profile_id.clone();
    let w = world();
    let post = w
        .posts
        .iter()
        .find(|p| !p.promoted && p.author != Author::Person(0) && !p.connections_only)
        .unwrap();
    let details = f
        .linkedin
        .post_details(&post.activity_id.to_string())
        .await
        .unwrap();
    let share = details.share_urn.clone().unwrap();
    assert_eq!(share, format!("urn:li:share:{}", post.share_id));
    assert_eq!(details.counts.as_ref().unwrap().reshares, Some(0));

    let mark = f.mark();
    let created = f
        .linkedin
        .reshare_post(&share, &NewPost::new("Worth a read. #rust"))
        .await
        .unwrap();
    f.snapshot("posts_reshare_post", mark, &created);
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["body"]["variables"]["post"]["origin"], "RESHARE");
    assert_eq!(
        sent[0]["body"]["variables"]["post"]["parentUrn"],
        share.as_str()
    );

    let mine: Vec<_> = f
        .linkedin
        .profile_posts(&me)
        .limit(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(Some(&mine[0].urn), created.urn.as_ref());
    assert_eq!(
        mine[0].reshared_urn.as_deref(),
        Some(format!("urn:li:activity:{}", post.activity_id).as_str())
    );
    let after = f
        .linkedin
        .post_details(&post.activity_id.to_string())
        .await
        .unwrap();
    assert_eq!(after.counts.as_ref().unwrap().reshares, Some(1));

    // Not a share, or with an image: refused before sending; an unknown share: refused.
    let mark = f.mark();
    for bad in [
        "",
        "urn:li:activity:7000000000000000001",
        "7000000000000000001",
    ] {
        let e = f
            .linkedin
            .reshare_post(bad, &NewPost::new("Hi"))
            .await
            .unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{bad}: {e:?}");
    }
    let image = Image::new("dot.png", PNG.to_vec()).unwrap();
    let e = f
        .linkedin
        .reshare_post(&share, &NewPost::new("Hi").image(image))
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::InvalidInput { field: "image", .. }),
        "{e:?}"
    );
    assert_eq!(f.mark(), mark, "nothing sent");
    let e = f
        .linkedin
        .reshare_post("urn:li:share:1", &NewPost::new("Hi"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Refused { .. }), "{e:?}");
}

//! LinkedIn's recipe names: the one table of them.
//!
//! Every object of a GraphQL answer, and of a decorated REST answer, carries the name of the
//! projection ("recipe") that made it: `$recipeTypes: [<name>]` in the normalized encoding,
//! `_recipeType: <name>` in the messenger's nested one; the GraphQL query object (`data`) also
//! has it as its `$type` / `_type`. GraphQL recipes are hashes (`com.linkedin.<32 hex
//! digits>`), one per query and place: the same type gets another hash in another query
//! (`AttributedText` is `5d98a9…` in the inbox sync and `1ea7e2…` in a conversation's
//! messages), and sometimes in another place of one query (the collections). They are
//! LinkedIn's identifiers of a projection, so they are copied here from the recorded answers
//! (`fixtures/recorded/`, by seq), not invented; a place is named by the key an object is
//! under ([`At::Root`], [`At::Field`], looked up first) or by its type ([`At::Type`]).
//!
//! Places no recording shows, in answers shaped like recorded ones (the inbox's delta and
//! backfill, like the first sync; the messages of the older-messages query, whose one
//! recording has none), get stand-in names ([`stand_in`]): `com.linkedin.` and 32 hex digits
//! derived from the queryId and the recorded name of the same place, so they have LinkedIn's
//! form, differ per query as LinkedIn's do, and are never mistaken for recorded ones.

use linkedin_catalogue::{Endpoint, Id};
use serde_json::{Map, Value, json};

/// Where a recipe name applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum At {
    /// The GraphQL query object, `data` (its name is also its type).
    Query,
    /// The value at the entry's data root.
    Root,
    /// Objects under this key (the elements of an array under it included).
    Field(&'static str),
    /// Objects of this `$type` / `_type`.
    Type(&'static str),
}

use At::{Field, Query, Root, Type};

const ATTRIBUTED_TEXT: &str = "com.linkedin.pemberly.text.AttributedText";
const CONVERSATION: &str = "com.linkedin.messenger.Conversation";
const MESSAGE: &str = "com.linkedin.messenger.Message";
const PARTICIPANT: &str = "com.linkedin.messenger.MessagingParticipant";
const MEMBER_INFO: &str = "com.linkedin.messenger.MemberParticipantInfo";
const PROFILE: &str = "com.linkedin.voyager.dash.identity.profile.Profile";

/// Seq 51, `messengerConversations.0d5e67…` (the inbox's first sync).
const SYNC: &[(At, &str)] = &[
    (Query, "com.linkedin.bc13e1b1426cc03e36eab503d342cabe"),
    (Root, "com.linkedin.c4d40619b988a313e6dbd442876520d5"),
    (
        Field("messages"),
        "com.linkedin.2fd852a9be7c7d3602803db62bded474",
    ),
    (
        Type("com.linkedin.messenger.SyncMetadata"),
        "com.linkedin.6614bca623fc9720b29edae666a9bdb4",
    ),
    (
        Type(CONVERSATION),
        "com.linkedin.e0457b8b4985e4e141d2bd624526db5a",
    ),
    (
        Type("com.linkedin.messenger.ConversationDisabledFeature"),
        "com.linkedin.a2ca2658a10f32cd19074ed775ec6243",
    ),
    (
        Type(MESSAGE),
        "com.linkedin.7f5095a72b369d7ce1483bdfc62ee3e0",
    ),
    (
        Type(PARTICIPANT),
        "com.linkedin.01f8e638b9e4e8fdedf2a35d7e7bc3dc",
    ),
    (
        Type(MEMBER_INFO),
        "com.linkedin.7eb3a14326aeb4c8c16f24e1979ffe01",
    ),
    (
        Type(ATTRIBUTED_TEXT),
        "com.linkedin.5d98a92dbd37a25932928c4b4b771881",
    ),
    (
        Type("com.linkedin.messenger.ReactionSummary"),
        "com.linkedin.62100cc3671b2a7952cdf70d774f0c16",
    ),
    (
        Type("com.linkedin.common.VectorImage"),
        "com.linkedin.5a06e769367ad613e374bfe0fb8b474c",
    ),
    (
        Type("com.linkedin.common.VectorArtifact"),
        "com.linkedin.adae398a316afc92d9372666e5da2b7d",
    ),
];

/// Seqs 70, 76, 102, 111, `messengerMessages.5846ee…`.
const MESSAGES: &[(At, &str)] = &[
    (Query, "com.linkedin.c38c518a13ae3dfabbd000dba2c1323a"),
    (Root, "com.linkedin.b3fb020d7a62182dcf15004c87ed6684"),
    (
        Type("com.linkedin.messenger.SyncMetadata"),
        "com.linkedin.511454cd272357b3e0558c5dac215b69",
    ),
    (
        Type(MESSAGE),
        "com.linkedin.9a4948e0045f59eb49ee971c440d4e31",
    ),
    (
        Type(CONVERSATION),
        "com.linkedin.45234f48bb281d0b04e9cd2ee2d88237",
    ),
    (
        Type(PARTICIPANT),
        "com.linkedin.8e75e1b6100649895f69cf66c6e25b20",
    ),
    (
        Type(MEMBER_INFO),
        "com.linkedin.a9535f2b6c53c4b69a1dd57697b6de6e",
    ),
    (
        Type(ATTRIBUTED_TEXT),
        "com.linkedin.1ea7e24db829a1347b841f2dd496da36",
    ),
    (
        Type("com.linkedin.common.VectorImage"),
        "com.linkedin.c029dbe5105f8bef89f4685f7ef3839b",
    ),
    (
        Type("com.linkedin.common.VectorArtifact"),
        "com.linkedin.4e78982efcd19a00e60e23cb18452cb3",
    ),
];

/// Seq 117, `messengerMessages.d8ea76…` (older messages). Its one answer has no messages, so
/// the names of the message's places are stand-ins ([`stand_in`] of [`MESSAGES`]'s).
const MESSAGES_BEFORE: &[(At, &str)] = &[
    (Query, "com.linkedin.f06a0d9d67201ccfd952b77289ff240e"),
    (Root, "com.linkedin.f904502daab23faa50d8f386e7995b56"),
    (
        Type("com.linkedin.messenger.MessageMetadata"),
        "com.linkedin.a2e0a7f4f881a95411a11b1746169343",
    ),
];

/// Seq 37, `voyagerIdentityDashProfiles.b5c27c…`.
const PROFILE_URN: &[(At, &str)] = &[
    (Query, "com.linkedin.6c74ef9c1fa40b2ad676693e065aca2c"),
    (Root, "com.linkedin.bb1bbd4b03afda37bcfe63d7d41d6132"),
    (
        Type(PROFILE),
        "com.linkedin.ed5d81650dd52f9bb922d19101da543b",
    ),
];

/// Seq 39, `voyagerIdentityDashProfiles.34ead0…`.
const PROFILE_BY_VANITY: &[(At, &str)] = &[
    (Query, "com.linkedin.6760ca9c00d2cb00ed53ee695927b17a"),
    (Root, "com.linkedin.c16481ff510ae7f0273d85f18aa15219"),
    (
        Field("profileGeneratedSuggestionPromo"),
        "com.linkedin.fb515f37046fc34f7a17064266659842",
    ),
    (
        Type(PROFILE),
        "com.linkedin.eb60c5c4f2ae9910a2e0643e3628b172",
    ),
    (
        Type("com.linkedin.common.Locale"),
        "com.linkedin.a4044e55c3fcc69e2de7519872763501",
    ),
    (
        Type("com.linkedin.voyager.dash.common.Geo"),
        "com.linkedin.20bf1398649ed8da5a403515fbffb6bf",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.ProfileGeoLocation"),
        "com.linkedin.d16b47c42001019f9bb43f9ce18412ef",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.PrivacySettings"),
        "com.linkedin.eafc20924d49659eb7e0335979bc8d29",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.tetris.Card"),
        "com.linkedin.f082e0bc575e0156f872a4f6d07f209e",
    ),
    (
        Type("com.linkedin.voyager.dash.relationships.MemberRelationship"),
        "com.linkedin.de96d1e9b7a124ebb464644d217619fc",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.CreatorInfo"),
        "com.linkedin.80e29e7323b2b17315871707a1231af9",
    ),
    (
        Type("com.linkedin.voyager.dash.feed.Hashtag"),
        "com.linkedin.c8ae18b1f64cb4a44b60cb752e911c5b",
    ),
];

/// Seq 42, `voyagerIdentityDashProfiles.a1a483…`.
const PROFILE_BY_VANITY_FULL: &[(At, &str)] = &[
    (Query, "com.linkedin.6d5e727dbfe12b7a6d15b0137cfc9bf8"),
    (Root, "com.linkedin.d60168e7a560040e2548965dcce1745d"),
    (
        Field("connections"),
        "com.linkedin.db98a55482971f4c707b69cb5736b7a1",
    ),
    (
        Field("profileTopPosition"),
        "com.linkedin.629bfd4673bb422ad4d3a0c53dfbfc35",
    ),
    (
        Field("profileTopEducation"),
        "com.linkedin.b8847d9ac033fcb2942c461f4c7cd931",
    ),
    (
        Field("profileInsight"),
        "com.linkedin.f9bf4fe1f9804989bf5045470a2ef764",
    ),
    (
        Field("profileDiscoveryDrawerInfo"),
        "com.linkedin.65f6893367312799f4fbf5437fb3bf32",
    ),
    (
        Field("profileTopCardCustomAction"),
        "com.linkedin.990e92548848d29bb8241da2cc5bbdad",
    ),
    (
        Field("topCardCallouts"),
        "com.linkedin.f00369c26dd480514509121d669ee5f8",
    ),
    (
        Type("com.linkedin.restli.common.CollectionMetadata"),
        "com.linkedin.082160e00bdf395139641f7565e8e87f",
    ),
    (
        Type(PROFILE),
        "com.linkedin.924bc4e3b7ae93b069977c0f2ebddf6b",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.Position"),
        "com.linkedin.ff982461d9fcf6b9b36cea2e9b855cad",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.Education"),
        "com.linkedin.fb99c25dbb6a2622e85f146144f70500",
    ),
    (
        Type("com.linkedin.common.DateRange"),
        "com.linkedin.22ef1d7021f5f2aab695f71f7443c713",
    ),
    (
        Type("com.linkedin.common.Date"),
        "com.linkedin.b9f3c6a438a65daf215cee4491b5c5ae",
    ),
    (
        Type("com.linkedin.voyager.dash.organization.Company"),
        "com.linkedin.ebcfbdd27e432a470de36c6d11c0377b",
    ),
    (
        Type("com.linkedin.voyager.dash.organization.School"),
        "com.linkedin.3cf70fe2309a03a88039a69db44c943e",
    ),
    (
        Type("com.linkedin.voyager.dash.relationships.Connection"),
        "com.linkedin.3bbc8eb0a527dfd2d76c72a73079e1b0",
    ),
    (
        Type("com.linkedin.voyager.dash.feed.FollowingState"),
        "com.linkedin.bc8d1e5d37e54c3a6fc5015c99588987",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.notifications.edgesetting.EdgeSetting"),
        "com.linkedin.5b8664a2ddb8a9d9bf482b1ab884c285",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.ProfileLocation"),
        "com.linkedin.901219fb7b4cd2665fe0f58bbb648a2c",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.actions.ProfileActions"),
        "com.linkedin.cc6922dfb3aaf3b023bb5d734792ab10",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.VerificationState"),
        "com.linkedin.7ce21795c795427152b003a63a2ad421",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.UnverifiedState"),
        "com.linkedin.22c334ac4bba736bcad329153e6df03d",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.actions.VerifyAction"),
        "com.linkedin.508ec34b85c8026c39ea0d1eb2c32328",
    ),
    (
        Type("com.linkedin.voyager.dash.common.text.TextViewModel"),
        "com.linkedin.9256438968e0b042c1e3d46c6d03caf4",
    ),
    (
        Type("com.linkedin.voyager.dash.common.text.TextAttribute"),
        "com.linkedin.b188e62645fae976b46fd83963d38fea",
    ),
];

/// Seq 54, `voyagerIdentityDashProfiles.e9b080…`.
const PROFILE_BY_MEMBER_IDENTITY: &[(At, &str)] = &[
    (Query, "com.linkedin.85d027dfd1c5a109a56a68a81ee7b831"),
    (Root, "com.linkedin.2de6362ca038b1854f6443860e6dabe4"),
    (
        Field("profileTopPosition"),
        "com.linkedin.a3de90367456365478b1546f2d0842a8",
    ),
    (
        Field("profileTopEducation"),
        "com.linkedin.9809da9d4c08d5de5b4febda116e474a",
    ),
    (
        Type(PROFILE),
        "com.linkedin.1e9c672efb888bf4993eb89a5ecc7423",
    ),
    (
        Type("com.linkedin.voyager.dash.common.handles.EmailAddress"),
        "com.linkedin.1fea47a6ba39edf90ee1571ef151f8f2",
    ),
    (
        Type("com.linkedin.voyager.dash.common.Geo"),
        "com.linkedin.8c02d3ec4459cb6189f6ad96bb885d9c",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.ProfileGeoLocation"),
        "com.linkedin.450a8ecbbf46936b004a793a846d5eb1",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.Position"),
        "com.linkedin.9ba1203d59937bf800f49a2ff7b11ab6",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.Education"),
        "com.linkedin.ff8838077e1005d19432e40a8d2b119d",
    ),
    (
        Type("com.linkedin.common.DateRange"),
        "com.linkedin.50ad6deaef8fa5266dda7d9f2cb11889",
    ),
    (
        Type("com.linkedin.common.Date"),
        "com.linkedin.ba9d065e60de8699fefdc905b712e6c4",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.PrivacySettings"),
        "com.linkedin.fb21a42007f1e82eb043eec1b370921d",
    ),
    (
        Type("com.linkedin.voyager.dash.organization.Company"),
        "com.linkedin.5c26d8879c394bf521177c50638b7817",
    ),
    (
        Type("com.linkedin.voyager.dash.organization.School"),
        "com.linkedin.38ba465d234b1b44f187e9fff5597517",
    ),
    (
        Type("com.linkedin.voyager.dash.relationships.MemberRelationship"),
        "com.linkedin.13c0a81fbda9cdf5b3d4556e005c592d",
    ),
];

/// Seq 57, `voyagerIdentityDashProfiles.da93c9…`.
const PROFILE_BY_URN: &[(At, &str)] = &[
    (Query, "com.linkedin.c0620a539ceb18becd2feb9d59537fdb"),
    (
        Type(PROFILE),
        "com.linkedin.3e2e185c77a8d38b6bc204de1f5dd8d1",
    ),
];

/// Seqs 66 and 99, `voyagerIdentityDashProfiles.4be600…`.
const PROFILE_MESSAGING_CARD: &[(At, &str)] = &[
    (Query, "com.linkedin.17e29e172e7111275ec853292aa6050d"),
    (
        Type(PROFILE),
        "com.linkedin.5c9304fc72ff0229518d427b7f86756f",
    ),
    (
        Type("com.linkedin.voyager.dash.relationships.MemberRelationship"),
        "com.linkedin.5ffa4fcdb032ed995baed5757f21a479",
    ),
    (
        Type("com.linkedin.voyager.dash.relationships.Connection"),
        "com.linkedin.aca262d839014a2fc83c1bb53f64446a",
    ),
];

/// Seq 58, `identity/dash/profiles/{urn}` with the `FullProfile` decoration: a decorated REST
/// answer names its recipes after the decorations.
const PROFILE_REST: &[(At, &str)] = &[
    (
        Field("country"),
        "com.linkedin.voyager.dash.deco.identity.profile.CountryGeo",
    ),
    (
        Field("profileTreasuryMediaProfile"),
        "com.linkedin.voyager.dash.deco.identity.profile.FullProfileTreasuryMediaItemsInjection",
    ),
    (
        Type("com.linkedin.restli.common.CollectionMetadata"),
        "com.linkedin.voyager.dash.deco.common.FullPaging",
    ),
    (
        Type(PROFILE),
        "com.linkedin.voyager.dash.deco.identity.profile.FullProfile",
    ),
    (
        Type("com.linkedin.voyager.dash.common.Geo"),
        "com.linkedin.voyager.dash.deco.identity.profile.Geo",
    ),
    (
        Type("com.linkedin.voyager.dash.common.Industry"),
        "com.linkedin.voyager.dash.deco.common.Industry",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.ProfileGeoLocation"),
        "com.linkedin.voyager.dash.deco.identity.profile.ProfileGeoLocation",
    ),
    (
        Type("com.linkedin.voyager.dash.identity.profile.ProfileLocation"),
        "com.linkedin.voyager.dash.deco.identity.profile.ProfileLocation",
    ),
    (
        Type("com.linkedin.common.Locale"),
        "com.linkedin.voyager.dash.deco.common.Locale",
    ),
];

/// Seqs 62, 78, 82, 106, `voyagerMessagingDashAwayStatusV2.ee0ba3…`.
const AWAY_STATUS: &[(At, &str)] = &[
    (Query, "com.linkedin.499d9eb62cc40af9aec9452b523f69ea"),
    (Root, "com.linkedin.c4d6694ea0e08932de8654e4b6766477"),
];

/// Seqs 63, 69, 81, 101, 109, `voyagerMessagingDashAffiliatedMailboxes.da7e80…`.
const AFFILIATED_MAILBOXES: &[(At, &str)] = &[
    (Query, "com.linkedin.fdc08497f0c187a569384c6f043ad3ce"),
    (Root, "com.linkedin.443efd0179bf33df1a78fe9ff29fae07"),
];

/// The recipe names of an entry's answers, where a recording shows them (none elsewhere).
fn recorded(id: Id) -> &'static [(At, &'static str)] {
    match id {
        Id::MessengerConversationsSync => SYNC,
        Id::MessengerMessages => MESSAGES,
        Id::MessengerMessagesBefore => MESSAGES_BEFORE,
        Id::ProfileUrnByMemberIdentity => PROFILE_URN,
        Id::ProfileByVanity => PROFILE_BY_VANITY,
        Id::ProfileByVanityFull => PROFILE_BY_VANITY_FULL,
        Id::ProfileByMemberIdentity => PROFILE_BY_MEMBER_IDENTITY,
        Id::ProfileByUrn => PROFILE_BY_URN,
        Id::ProfileMessagingCard => PROFILE_MESSAGING_CARD,
        Id::Profile => PROFILE_REST,
        Id::MessagingAwayStatus => AWAY_STATUS,
        Id::MessagingAffiliatedMailboxes => AFFILIATED_MAILBOXES,
        _ => &[],
    }
}

/// The recorded tables whose places an entry's answers share without a recording of their
/// own (they get [`stand_in`] names): the inbox's delta and backfill are shaped like the
/// first sync, the backfill's metadata like seq 117's, older messages like messages.
fn borrowed(id: Id) -> &'static [&'static [(At, &'static str)]] {
    match id {
        Id::MessengerConversationsDelta => &[SYNC],
        Id::MessengerConversationsBackfill => &[SYNC, MESSAGES_BEFORE],
        Id::MessengerMessagesBefore => &[MESSAGES],
        _ => &[],
    }
}

/// The recipe name of `at` in an answer of `endpoint`, if it has one.
pub(crate) fn name(endpoint: &Endpoint, at: At) -> Option<String> {
    let find =
        |table: &[(At, &'static str)]| table.iter().find(|(a, _)| *a == at).map(|(_, name)| *name);
    if let Some(name) = find(recorded(endpoint.id)) {
        return Some(name.to_owned());
    }
    let recorded = borrowed(endpoint.id).iter().find_map(|t| find(t))?;
    // From the catalogue's entry, not a rotated one's: a recipe names the types of the
    // answer, which a new queryId of the same query does not change.
    let built_in = linkedin_catalogue::by_name(endpoint.name).unwrap_or(endpoint);
    Some(stand_in(
        built_in.query_id.unwrap_or(endpoint.name),
        recorded,
    ))
}

/// A recipe name in LinkedIn's form for a place no recording names: `com.linkedin.` and 32
/// hex digits of two 64-bit FNV-1a hashes of the queryId and the recorded name it stands in
/// for.
pub(crate) fn stand_in(query_id: &str, recorded: &str) -> String {
    let fnv = |seed: u64| {
        query_id
            .bytes()
            .chain([0])
            .chain(recorded.bytes())
            .fold(seed, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
    };
    format!(
        "com.linkedin.{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}

/// Adds the recipe names of `endpoint`'s projection to a nested answer: to every object the
/// table names by the key it is under (the data root's value as [`At::Root`]) or by its type,
/// as `$recipeTypes: [name]`, or as `_recipeType: name` in the messenger's encoding
/// (`underscore`). The query object is named by [`query_object`].
pub(crate) fn stamp(endpoint: &Endpoint, value: &mut Value, underscore: bool) {
    if recorded(endpoint.id).is_empty() && borrowed(endpoint.id).is_empty() {
        return;
    }
    walk(endpoint, value, None, underscore);
}

fn walk(endpoint: &Endpoint, value: &mut Value, key: Option<&str>, underscore: bool) {
    match value {
        Value::Object(map) => {
            let ty = map
                .get("$type")
                .or_else(|| map.get("_type"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            let named = key
                .and_then(|k| place_name(endpoint, |a| at_key(a, endpoint, k)))
                .or_else(|| {
                    ty.and_then(|t| place_name(endpoint, |a| matches!(a, Type(x) if x == t)))
                });
            if let Some(name) = named {
                set_recipe(map, name, underscore);
            }
            for (k, v) in map.iter_mut() {
                walk(endpoint, v, Some(k.as_str()), underscore);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(endpoint, item, key, underscore);
            }
        }
        _ => {}
    }
}

/// Whether place `a` is what is under `key`: the data root's value, or a field.
fn at_key(a: At, endpoint: &Endpoint, key: &str) -> bool {
    match a {
        Root => endpoint.data_root == Some(key),
        Field(k) => k == key,
        _ => false,
    }
}

/// The name of the first place of the entry's tables (its own, then the borrowed ones) that
/// `is` picks.
fn place_name(endpoint: &Endpoint, is: impl Fn(At) -> bool) -> Option<String> {
    let at = std::iter::once(recorded(endpoint.id))
        .chain(borrowed(endpoint.id).iter().copied())
        .flat_map(|t| t.iter())
        .find(|(a, _)| is(*a))
        .map(|(a, _)| *a)?;
    name(endpoint, at)
}

fn set_recipe(map: &mut Map<String, Value>, name: String, underscore: bool) {
    if underscore {
        map.entry("_recipeType").or_insert(Value::String(name));
    } else {
        map.entry("$recipeTypes").or_insert_with(|| json!([name]));
    }
}

/// The GraphQL query object's type and recipe keys (`$type` and `$recipeTypes`, or `_type`
/// and `_recipeType`), when the entry's query has a name.
pub(crate) fn query_object(endpoint: &Endpoint, data: &mut Map<String, Value>, underscore: bool) {
    if let Some(name) = name(endpoint, Query) {
        let ty = if underscore { "_type" } else { "$type" };
        data.insert(ty.to_owned(), Value::String(name.clone()));
        set_recipe(data, name, underscore);
    }
}

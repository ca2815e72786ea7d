//! What a method takes where it needs one of LinkedIn's ids: the typed id itself (from a
//! result: [`PersonResult::profile_id`](crate::PersonResult::profile_id),
//! [`Conversation::urn`](crate::Conversation::urn)...), or its text, which is parsed and
//! checked before anything is sent.

use linkedin_models::id::{ConversationId, Member, ProfileId, PublicId};

use crate::error::Result;
use crate::validate;

/// A value a method accepts as the id `T`: `T` itself (or a reference to it), or text.
///
/// ```no_run
/// use linkedin_api::models::id::ProfileId;
///
/// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
/// // Text is checked before anything is sent…
/// let posts = linkedin.profile_posts("ACoAAB1234567890");
/// // …a typed id was checked when it was made.
/// let id: ProfileId = "urn:li:fsd_profile:ACoAAB1234567890".parse()?;
/// let same = linkedin.profile_posts(&id);
/// # let _ = (posts, same);
/// # Ok(())
/// # }
/// ```
pub trait IntoId<T> {
    /// The id, or [`Error::InvalidInput`](crate::Error::InvalidInput) naming `field`.
    ///
    /// # Errors
    ///
    /// Text that is not such an id.
    fn into_id(self, field: &'static str) -> Result<T>;
}

macro_rules! ids {
    ($($ty:ty => $parse:path),* $(,)?) => {$(
        impl IntoId<$ty> for $ty {
            fn into_id(self, _: &'static str) -> Result<$ty> {
                Ok(self)
            }
        }

        impl IntoId<$ty> for &$ty {
            fn into_id(self, _: &'static str) -> Result<$ty> {
                Ok(self.clone())
            }
        }

        impl IntoId<$ty> for &str {
            fn into_id(self, field: &'static str) -> Result<$ty> {
                $parse(field, self)
            }
        }

        impl IntoId<$ty> for &String {
            fn into_id(self, field: &'static str) -> Result<$ty> {
                $parse(field, self)
            }
        }

        impl IntoId<$ty> for String {
            fn into_id(self, field: &'static str) -> Result<$ty> {
                $parse(field, &self)
            }
        }
    )*};
}

ids!(
    ProfileId => validate::profile_id,
    PublicId => validate::public_id,
    Member => validate::member,
    ConversationId => validate::conversation,
);

impl IntoId<Member> for ProfileId {
    fn into_id(self, _: &'static str) -> Result<Member> {
        Ok(Member::Profile(self))
    }
}

impl IntoId<Member> for &ProfileId {
    fn into_id(self, _: &'static str) -> Result<Member> {
        Ok(Member::Profile(self.clone()))
    }
}

impl IntoId<Member> for PublicId {
    fn into_id(self, _: &'static str) -> Result<Member> {
        Ok(Member::Public(self))
    }
}

impl IntoId<Member> for &PublicId {
    fn into_id(self, _: &'static str) -> Result<Member> {
        Ok(Member::Public(self.clone()))
    }
}

//! Enums that keep values they do not know: LinkedIn adds enum values without notice.

/// Declares a string enum whose unknown values are kept in `Other(String)` instead of failing
/// the whole answer. Each known variant names its wire text.
///
/// ```
/// linkedin_models::open_enum! {
///     /// How close a member is in the viewer's network.
///     pub enum Distance {
///         /// The viewer.
///         SelfDistance = "SELF",
///         /// A connection.
///         First = "DISTANCE_1",
///     }
/// }
/// let d: Distance = serde_json::from_str("\"DISTANCE_1\"").unwrap();
/// assert_eq!(d, Distance::First);
/// let other: Distance = serde_json::from_str("\"DISTANCE_9\"").unwrap();
/// assert_eq!(other, Distance::Other("DISTANCE_9".into()));
/// assert_eq!(other.as_str(), "DISTANCE_9");
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version does not know, as LinkedIn sent it.
            Other(String),
        }

        impl $name {
            /// The wire text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $text, )*
                    Self::Other(text) => text,
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Ok(match text {
                    $( $text => Self::$variant, )*
                    other => Self::Other(other.to_owned()),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                Ok(text.parse().unwrap_or_else(|never: ::std::convert::Infallible| match never {}))
            }
        }
    };
}

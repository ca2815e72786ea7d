//! Images of posts and files of messages: checked before anything is sent, then uploaded as
//! the web app uploads them in 2026 (catalogue `media_upload_register`): register the
//! upload, which gives the asset's URN and the URL its bytes go to, then PUT the bytes there.
//!
//! What is refused, before any request: an empty file, one over [`IMAGE_BYTES_MAX`], bytes
//! that are not a JPEG, PNG or GIF image (by their content, whatever the file's name says),
//! an image over [`IMAGE_PIXELS_MAX`] pixels, and a file name that is empty, holds a
//! directory or a control character.

use std::path::Path;

use bytes::Bytes;
use linkedin_catalogue::endpoints;
use serde::Deserialize;
use serde_json::json;

use crate::client::Linkedin;
use crate::error::{Error, Result};

/// The largest image this client uploads, in bytes (10 MiB). Ours, not LinkedIn's: nothing
/// records LinkedIn's own limit for a post's image, and a file this size is already far
/// larger than a feed shows.
pub const IMAGE_BYTES_MAX: usize = 10 * 1024 * 1024;

/// The most pixels an image may have (width × height): LinkedIn's documented limit for the
/// images of posts (36,152,320, its Images API).
pub const IMAGE_PIXELS_MAX: u64 = 36_152_320;

/// The longest file name sent, in characters.
const FILE_NAME_MAX: usize = 255;

/// The largest file sent with a message, in bytes (20 MiB): the size LinkedIn's help gives
/// for a message's attachment (not in the evidence here, so ours to hold).
pub const ATTACHMENT_BYTES_MAX: usize = 20 * 1024 * 1024;

/// A file before it is uploaded: its name (1 to [`FILE_NAME_MAX`] characters, no directory,
/// no control character), not empty, at most `max` bytes.
fn check_file(field: &'static str, name: &str, bytes: &[u8], max: usize) -> Result<()> {
    if name.trim().is_empty()
        || name.contains(['/', '\\'])
        || name.chars().any(char::is_control)
        || name.chars().count() > FILE_NAME_MAX
    {
        let shown: String = name.chars().filter(|c| !c.is_control()).take(60).collect();
        return Err(Error::InvalidInput {
            field,
            reason: format!(
                "{shown:?} is not a file name (a name of 1 to {FILE_NAME_MAX} characters, no directory)"
            ),
        });
    }
    if bytes.is_empty() {
        return Err(Error::InvalidInput {
            field,
            reason: format!("{name} is empty"),
        });
    }
    if bytes.len() > max {
        return Err(too_big(field, name, bytes.len() as u64, max));
    }
    Ok(())
}

/// The bytes of the file at `path` and its name (the directory stays here), at most `max`
/// bytes; an error names the file, not its directory.
fn read_file(field: &'static str, path: &Path, max: usize) -> Result<(String, Vec<u8>)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unreadable = |e: std::io::Error| Error::InvalidInput {
        field,
        reason: format!("{name:?} cannot be read: {e}"),
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.len() > max as u64 {
        return Err(too_big(field, &name, metadata.len(), max));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    Ok((name, bytes))
}

fn too_big(field: &'static str, name: &str, len: u64, max: usize) -> Error {
    Error::InvalidInput {
        field,
        reason: format!(
            "{name} is {len} bytes; at most {max} ({} MiB) are uploaded",
            max / (1024 * 1024)
        ),
    }
}

/// The kinds of image LinkedIn takes for a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImageKind {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// GIF (animated or not).
    Gif,
}

impl ImageKind {
    /// The media type.
    #[must_use]
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Gif => "image/gif",
        }
    }
}

/// An image for a post, checked: its bytes, its kind (from its content), its size in pixels
/// and the file name LinkedIn is told.
///
/// ```
/// use linkedin_api::{Image, ImageKind};
///
/// // The smallest PNG there is: its signature and a 1×1 header.
/// let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
/// let image = Image::new("dot.png", png.to_vec())?;
/// assert_eq!(image.kind(), ImageKind::Png);
/// assert_eq!(image.dimensions(), (1, 1));
///
/// // A text file named like an image is refused, before anything is sent.
/// assert!(Image::new("notes.png", b"hello".to_vec()).is_err());
/// # Ok::<(), linkedin_api::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    name: String,
    bytes: Bytes,
    kind: ImageKind,
    width: u64,
    height: u64,
}

impl std::fmt::Debug for Image {
    // The bytes are not printed, only what they are.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("len", &self.bytes.len())
            .field("width", &self.width)
            .field("height", &self.height)
            .finish()
    }
}

impl Image {
    /// An image of `bytes`, to be sent as the file `name` (a name, no directory).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] (field `image`) for what the module lists.
    pub fn new(name: impl Into<String>, bytes: impl Into<Bytes>) -> Result<Self> {
        let name = name.into();
        let bytes = bytes.into();
        let bad = |reason: String| Error::InvalidInput {
            field: "image",
            reason,
        };
        check_file("image", &name, &bytes, IMAGE_BYTES_MAX)?;
        let not_image = || {
            bad(format!(
                "{name} is not a JPEG, PNG or GIF image (by its content)"
            ))
        };
        let kind = match imagesize::image_type(&bytes).map_err(|_| not_image())? {
            imagesize::ImageType::Jpeg => ImageKind::Jpeg,
            imagesize::ImageType::Png => ImageKind::Png,
            imagesize::ImageType::Gif => ImageKind::Gif,
            _ => return Err(not_image()),
        };
        let size = imagesize::blob_size(&bytes).map_err(|_| not_image())?;
        let (width, height) = (size.width as u64, size.height as u64);
        if width == 0 || height == 0 {
            return Err(not_image());
        }
        if width.saturating_mul(height) > IMAGE_PIXELS_MAX {
            return Err(bad(format!(
                "{name} is {width}×{height} pixels; LinkedIn takes at most {IMAGE_PIXELS_MAX}"
            )));
        }
        Ok(Self {
            name,
            bytes,
            kind,
            width,
            height,
        })
    }

    /// The image in the file at `path`, sent under the file's name (the directory stays
    /// here).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the file cannot be read (naming the file, not its
    /// directory) or is no image ([`Image::new`]).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let (name, bytes) = read_file("image", path.as_ref(), IMAGE_BYTES_MAX)?;
        Self::new(name, bytes)
    }

    /// The file name LinkedIn is told.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What kind of image it is.
    #[must_use]
    pub fn kind(&self) -> ImageKind {
        self.kind
    }

    /// Its width and height in pixels.
    #[must_use]
    pub fn dimensions(&self) -> (u64, u64) {
        (self.width, self.height)
    }

    /// Its length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Never: an empty image is refused when made. (For the `len` convention.)
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// A file to send with a message, checked: its bytes, its name and its media type (from its
/// content for the images and PDFs it knows, else from its name's extension, else
/// `application/octet-stream`).
///
/// ```
/// use linkedin_api::NewAttachment;
///
/// let file = NewAttachment::new("minutes.pdf", b"%PDF-1.7 ...".to_vec())?;
/// assert_eq!(file.media_type(), "application/pdf");
/// assert!(NewAttachment::new("minutes.pdf", Vec::new()).is_err());
/// # Ok::<(), linkedin_api::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct NewAttachment {
    name: String,
    bytes: Bytes,
    media_type: &'static str,
}

impl std::fmt::Debug for NewAttachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewAttachment")
            .field("name", &self.name)
            .field("media_type", &self.media_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl NewAttachment {
    /// A file of `bytes`, sent as `name` (a name, no directory).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] (field `attachment`) for a bad name, an empty file or one
    /// over [`ATTACHMENT_BYTES_MAX`].
    pub fn new(name: impl Into<String>, bytes: impl Into<Bytes>) -> Result<Self> {
        let name = name.into();
        let bytes = bytes.into();
        check_file("attachment", &name, &bytes, ATTACHMENT_BYTES_MAX)?;
        let media_type = media_type(&name, &bytes);
        Ok(Self {
            name,
            bytes,
            media_type,
        })
    }

    /// The file at `path`, sent under the file's name.
    ///
    /// # Errors
    ///
    /// As [`new`](Self::new), and when the file cannot be read (naming the file, not its
    /// directory).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let (name, bytes) = read_file("attachment", path.as_ref(), ATTACHMENT_BYTES_MAX)?;
        Self::new(name, bytes)
    }

    /// The file name LinkedIn is told.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its media type.
    #[must_use]
    pub fn media_type(&self) -> &'static str {
        self.media_type
    }

    /// Its length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Never: an empty file is refused when made. (For the `len` convention.)
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// A file's media type: by its content for the images and PDFs, else by its extension.
fn media_type(name: &str, bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"%PDF-") {
        return "application/pdf";
    }
    match imagesize::image_type(bytes) {
        Ok(imagesize::ImageType::Jpeg) => return "image/jpeg",
        Ok(imagesize::ImageType::Png) => return "image/png",
        Ok(imagesize::ImageType::Gif) => return "image/gif",
        Ok(imagesize::ImageType::Webp) => return "image/webp",
        _ => {}
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "txt" => "text/plain",
        "csv" => "text/csv",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// The answer to registering an upload: the asset and where its bytes go.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Registered {
    urn: String,
    single_upload_url: String,
    #[serde(default)]
    single_upload_headers: std::collections::BTreeMap<String, String>,
}

impl Linkedin {
    /// Uploads an image for a post and gives its asset URN.
    ///
    /// The asset is `urn:li:digitalmediaAsset:<id>`: the registration (catalogue
    /// `media_upload_register`), then a PUT of the bytes to the URL LinkedIn gave, with the
    /// headers it named and without the session's cookies, to an `https` host of LinkedIn's
    /// only.
    ///
    /// Python: none
    ///
    /// [`create_post`](Self::create_post) calls it for a [`NewPost::image`](crate::NewPost::image);
    /// an asset no post refers to is left unused (nothing records how to delete one). The
    /// registration counts against the daily post budget (the post it starts).
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] when the answer holds no asset or an upload URL this client does not
    /// send to (nothing uploaded), and transport errors of either request.
    pub async fn upload_image(&self, image: &Image) -> Result<String> {
        self.upload(
            "IMAGE_SHARING",
            &image.name,
            image.bytes.clone(),
            Some(linkedin_transport::Action::Post),
        )
        .await
    }

    /// Uploads a file for a message and gives its asset URN
    /// (`urn:li:digitalmediaAsset:<id>`), as [`upload_image`](Self::upload_image) uploads an
    /// image, as a `MESSAGING_FILE_ATTACHMENT` (public code validated it in August 2026).
    /// Counted against no daily budget: the message it goes with is.
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`upload_image`](Self::upload_image).
    pub async fn upload_attachment(&self, file: &NewAttachment) -> Result<String> {
        self.upload(
            "MESSAGING_FILE_ATTACHMENT",
            &file.name,
            file.bytes.clone(),
            None,
        )
        .await
    }

    /// Registers an upload of `kind` and PUTs `bytes` where LinkedIn said.
    async fn upload(
        &self,
        kind: &'static str,
        name: &str,
        bytes: Bytes,
        counts: Option<linkedin_transport::Action>,
    ) -> Result<String> {
        let body = json!({
            "mediaUploadType": kind,
            "fileSize": bytes.len(),
            "filename": name,
        });
        let call = self
            .call(endpoints::MEDIA_UPLOAD_REGISTER)
            .body(body)
            .counts_as(counts);
        let endpoint = call.endpoint;
        let answer_bytes = self.send(call).await?;
        let answer = crate::client::answer(endpoint, &answer_bytes)?;
        let registered: Registered = crate::client::decode_at(endpoint, &answer, "/value")?;
        let wrong = |path: &str, reason: &str, found: &str| Error::Decode {
            endpoint: endpoint.name,
            source: linkedin_models::DecodeError::new(path, reason, found),
        };
        let asset = &registered.urn;
        if !asset.starts_with("urn:li:digitalmediaAsset:")
            || asset.len() == "urn:li:digitalmediaAsset:".len()
        {
            return Err(wrong(
                "/value/urn",
                "not an urn:li:digitalmediaAsset: URN (nothing uploaded)",
                asset,
            ));
        }
        let headers: Vec<(String, String)> = registered.single_upload_headers.into_iter().collect();
        self.transport()
            .upload(&registered.single_upload_url, bytes, &headers)
            .await
            .map_err(|e| match e {
                // An upload URL or header this client does not send is LinkedIn's answer,
                // not the caller's input.
                linkedin_transport::Error::InvalidInput { reason, .. } => wrong(
                    "/value/singleUploadUrl",
                    &format!("{reason} (nothing uploaded)"),
                    &registered.single_upload_url,
                ),
                other => Error::from(other),
            })?;
        Ok(registered.urn)
    }

    /// The bytes of a file attached to a message ([`Message::attachments`](crate::Message::attachments)),
    /// from its `url`: from an `https` host of LinkedIn's only, without the session's cookies
    /// (as a browser loads a file from LinkedIn's media host), within the transport's body
    /// limit.
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an attachment without a URL or one on another host
    /// (nothing sent), and transport errors (a 403 for a link that expired: read the
    /// message again for a fresh one).
    pub async fn download_attachment(&self, file: &crate::Attachment) -> Result<Bytes> {
        let url = file.url.as_deref().ok_or_else(|| Error::InvalidInput {
            field: "attachment",
            reason: format!("{} has no download URL in the message", file.name),
        })?;
        let response = self.transport().download(url).await?;
        Ok(response.into_body())
    }
}

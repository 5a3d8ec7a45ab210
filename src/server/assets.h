// The page's static files, embedded into the binary at build time (generated assets.cc).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace backsignal::server {

struct Asset {
  std::string_view path;          // "/assets/app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
  std::string_view gzipped;  // the same, gzip -9; empty when not worth it
};

// The asset at `path`, or null.
const Asset* FindAsset(std::string_view path);

// Every asset, for page-weight figures and the service worker's list.
std::span<const Asset> AllAssets();

// A hash of every asset's content: the service worker's cache name and the assets' ETag.
std::string_view AssetsVersion();

}  // namespace backsignal::server

// HTML articles: metadata from meta tags, visible article text without page chrome.
#include <gtest/gtest.h>

#include <string>

#include "corpus/article_reader.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

constexpr char kPage[] = R"(<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Fabrikam to acquire Contoso for $3bn | Example Tech</title>
<meta property="og:title" content="Fabrikam to acquire Contoso for $3bn">
<meta property="og:site_name" content="Example Tech">
<meta property="og:url" content="https://tech.example.com/2024/fabrikam-contoso">
<meta property="article:published_time" content="2024-05-02T08:30:00Z">
<link rel="canonical" href="https://tech.example.com/canonical">
<style>body { font-family: serif; } .STYLE-TEXT {}</style>
<script>var SCRIPT_TEXT = "do not show";</script>
</head>
<body>
<header class="site"><a href="/">SITE HEADER TEXT</a></header>
<nav><ul><li>NAV LINK ONE</li><li>NAV LINK TWO</li></ul></nav>
<main>
<article>
<header><h1>Fabrikam to acquire Contoso for $3bn</h1><p class="byline">BYLINE TEXT</p></header>
<p>Fabrikam &amp; partners agreed to buy Contoso&nbsp;Ltd for   $3bn,
   the companies said on Thursday.</p>
<p>&ldquo;This is a big step,&rdquo; said Ana Diaz, chief executive.<br>Shares rose 4%.</p>
<figure><img src="x.png" alt="ALT TEXT"><figcaption>Contoso's offices in Lisbon.</figcaption></figure>
<aside>ASIDE RELATED STORIES</aside>
<div hidden>HIDDEN DIV TEXT</div>
<span aria-hidden="true">ARIA HIDDEN TEXT</span>
<p style="display: none">DISPLAY NONE TEXT</p>
<noscript>NOSCRIPT TEXT</noscript>
<form><button>BUTTON TEXT</button></form>
<ul><li>Deal value: <b>$3bn</b></li><li>Close: Q3</li></ul>
<div class="share-tools">SHARE BAR <a href="/x">X</a> <a href="/li">LinkedIn</a></div>
<div id="newsletter-signup">NEWSLETTER BOX</div>
<section class="Related-Stories"><p>RELATED STORY TEXT</p></section>
</article>
</main>
<footer>FOOTER COPYRIGHT TEXT</footer>
<template><p>TEMPLATE TEXT</p></template>
<svg><text>SVG TEXT</text></svg>
<iframe src="ad.html">IFRAME TEXT</iframe>
</body></html>
)";

TEST(HtmlReaderTest, ReadsMetadataAndVisibleArticleText) {
  StatusOr<FileReadResult> result = ReadArticleBytes("page.html", kPage);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 1u);
  const RawArticle& article = result->articles[0];
  EXPECT_EQ(article.meta.path, "page.html");
  EXPECT_EQ(article.meta.record_index, -1);
  EXPECT_EQ(article.meta.title, "Fabrikam to acquire Contoso for $3bn");
  EXPECT_EQ(article.meta.source, "Example Tech");
  EXPECT_EQ(article.meta.url, "https://tech.example.com/2024/fabrikam-contoso");
  EXPECT_EQ(article.meta.published, "2024-05-02T08:30:00Z");
  EXPECT_EQ(article.text,
            "Fabrikam to acquire Contoso for $3bn\n\n"
            "Fabrikam & partners agreed to buy Contoso Ltd for $3bn, the companies said on "
            "Thursday.\n\n"
            "\xE2\x80\x9CThis is a big step,\xE2\x80\x9D said Ana Diaz, chief executive.\n\n"
            "Shares rose 4%.\n\n"
            "Contoso's offices in Lisbon.\n\n"
            "Deal value: $3bn\n\n"
            "Close: Q3");
  for (const char* junk :
       {"SCRIPT",      "STYLE",     "SITE HEADER",  "NAV LINK",   "BYLINE",
        "ASIDE",       "HIDDEN",    "DISPLAY NONE", "NOSCRIPT",   "BUTTON",
        "FOOTER",      "TEMPLATE",  "SVG",          "IFRAME",     "ALT TEXT",
        "font-family", "SHARE BAR", "LinkedIn",     "NEWSLETTER", "RELATED STORY"}) {
    SCOPED_TRACE(junk);
    EXPECT_EQ(article.text.find(junk), std::string::npos);
  }
}

TEST(HtmlReaderTest, MetadataFallbacks) {
  struct Case {
    std::string name;
    std::string html;
    ArticleMeta meta;
    std::string text;
  };
  const Case cases[] = {
      {"h1 when no og:title",
       "<title>Page title - Site</title><body><h1>The  <em>real</em> headline</h1>"
       "<p>Body.</p></body>",
       {"", -1, "The real headline", "", "", "", ""},
       "The real headline\n\nBody."},
      {"title tag last, site suffix stripped",
       "<head><title>Deal closes | Example Wire</title>"
       "<meta property='og:site_name' content='Example Wire'></head><body><p>Body.</p></body>",
       {"", -1, "Deal closes", "Example Wire", "", "", ""},
       "Deal closes\n\nBody."},
      {"title tag kept when suffix is not the site",
       "<title>Q&amp;A - with the CEO</title><p>Body.</p>",
       {"", -1, "Q&A - with the CEO", "", "", "", ""},
       "Q&A - with the CEO\n\nBody."},
      {"og:published_time, canonical url",
       "<meta property='og:published_time' content='2022-01-02'>"
       "<link rel='canonical' href='https://c.example/a'><p>Body.</p>",
       {"", -1, "", "", "https://c.example/a", "2022-01-02", ""},
       "Body."},
      {"meta name=date",
       "<meta name='date' content='2021-07-08'><p>Body.</p>",
       {"", -1, "", "", "", "2021-07-08", ""},
       "Body."},
      {"time datetime",
       "<article><p>Posted <time datetime='2020-02-29T10:00'>Feb 29</time>.</p></article>",
       {"", -1, "", "", "", "2020-02-29T10:00", ""},
       "Posted Feb 29."},
      {"main when no article",
       "<body><div>OUTSIDE MAIN</div><main><p>Inside main.</p></main></body>",
       {"", -1, "", "", "", "", ""},
       "Inside main."},
      {"longest article wins over teasers",
       "<body><article><p>Teaser.</p></article>"
       "<article><p>The full story is here and longer.</p></article></body>",
       {"", -1, "", "", "", "", ""},
       "The full story is here and longer."},
      {"body when no article or main",
       "<body><div>One</div><div>Two <span>three</span></div>four</body>",
       {"", -1, "", "", "", "", ""},
       "One\n\nTwo three\n\nfour"},
      {"malformed markup still yields text",
       "<p>Unclosed <b>bold <i>and italic<p>Next para &copy 2024 &#x24;5m",
       {"", -1, "", "", "", "", ""},
       "Unclosed bold and italic\n\nNext para \xC2\xA9 2024 $5m"},
      {"kicker before the headline dropped",
       "<article><div>Cloud</div><h1>Vendor wins deal</h1><p>Body.</p></article>",
       {"", -1, "Vendor wins deal", "", "", "", ""},
       "Vendor wins deal\n\nBody."},
      {"late repeat of the headline kept",
       "<article><h2>Intro</h2><p>A.</p><p>B.</p><p>C.</p><h2>Vendor wins deal</h2></article>"
       "<h1>Vendor wins deal</h1>",
       {"", -1, "Vendor wins deal", "", "", "", ""},
       "Vendor wins deal\n\nIntro\n\nA.\n\nB.\n\nC.\n\nVendor wins deal"},
      {"pre keeps line breaks",
       "<pre>line one\nline two</pre>",
       {"", -1, "", "", "", "", ""},
       "line one\nline two"},
      {"table cells spaced",
       "<table><tr><td>Q1</td><td>$2bn</td></tr><tr><td>Q2</td><td>$3bn</td></tr></table>",
       {"", -1, "", "", "", "", ""},
       "Q1 $2bn\n\nQ2 $3bn"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<FileReadResult> result = ReadArticleBytes("p.htm", c.html);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ASSERT_EQ(result->articles.size(), 1u);
    const ArticleMeta& meta = result->articles[0].meta;
    EXPECT_EQ(meta.title, c.meta.title);
    EXPECT_EQ(meta.source, c.meta.source);
    EXPECT_EQ(meta.url, c.meta.url);
    EXPECT_EQ(meta.published, c.meta.published);
    EXPECT_EQ(result->articles[0].text, c.text);
  }
}

TEST(HtmlReaderTest, PageWithoutVisibleTextIsDataLoss) {
  const std::string pages[] = {
      "<html><head><title>Only a title</title><script>x()</script></head><body></body></html>",
      "<body><nav>Menu</nav><footer>(c)</footer></body>",
  };
  for (const auto& page : pages) {
    SCOPED_TRACE(page);
    StatusOr<FileReadResult> result = ReadArticleBytes("empty.html", page);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(result.status().message(), "empty.html: no article text found in HTML");
  }
}

TEST(HtmlReaderTest, ReadsAFileFromDisk) {
  testing::TempDir dir;
  const auto file = dir.Write("site/story.html", kPage);
  StatusOr<FileReadResult> result = ReadArticleFile(file);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 1u);
  EXPECT_EQ(result->articles[0].meta.path, file.string());
  EXPECT_TRUE(result->articles[0].text.starts_with("Fabrikam to acquire Contoso for $3bn\n\n"));
}

TEST(HtmlReaderTest, APageLeavingThousandsOfElementsOpenIsRefusedQuickly) {
  std::string page = "<html><body>";
  for (int i = 0; i < 20000; ++i) page += "<div>";
  page += "<p>Contoso bought Fabrikam.</p>";
  StatusOr<FileReadResult> result = ReadArticleBytes("deep.html", page);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("deep.html: the HTML leaves 20002 elements open"),
            std::string::npos)
      << result.status().message();
}

TEST(HtmlReaderTest, DeepButBoundedNestingAndVoidElementsStillRead) {
  std::string page = "<html><body>";
  for (int i = 0; i < 400; ++i) page += "<div><br><img src=x><p><li>";
  page += "Contoso bought Fabrikam for $5 million.";
  StatusOr<FileReadResult> result = ReadArticleBytes("deep.html", page);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 1u);
  EXPECT_NE(result->articles[0].text.find("Contoso bought Fabrikam"), std::string::npos);
}

}  // namespace
}  // namespace newsfacts

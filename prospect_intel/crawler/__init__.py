"""The crawling half: a polite Scrapy spider that keeps each prospect's key pages."""

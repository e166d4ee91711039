module github.com/backload/backload

go 1.26
